package io.secopskit.chronicle.tenants;

import io.secopskit.chronicle.internal.Rules;
import io.secopskit.chronicle.internal.TenantRules;
import io.secopskit.core.Beta;
import io.secopskit.core.error.ValidationException;
import java.util.Objects;

/**
 * The resource name of a Google SecOps instance, {@code projects/<project>/locations/<location>/instances/<instance>}:
 * the partner's own instance is the parent of its tenants. Immutable; each part is checked when the name
 * is made (project id or number, a location such as {@code us} or {@code europe-west2}, and an instance
 * id of URL-safe characters), so a name can never smuggle a {@code /} or {@code ..} into a request path.
 */
@Beta
public final class InstanceName {
    private final String project;
    private final String location;
    private final String instance;

    private InstanceName(String project, String location, String instance) {
        this.project = TenantRules.projectId("instance.project", project);
        this.location = TenantRules.location("instance.location", location);
        this.instance = TenantRules.serverId(null, "instance.instance", instance);
    }

    /**
     * Makes a name from its parts.
     *
     * @param project  the Google Cloud project id or number of the instance
     * @param location the instance's location, for example {@code us}, {@code eu} or {@code europe-west2}
     * @param instance the instance id (the Google SecOps customer id)
     * @return the name
     * @throws ValidationException when a part breaks its rule
     */
    public static InstanceName of(String project, String location, String instance) {
        return new InstanceName(project, location, instance);
    }

    /**
     * Parses {@code projects/<project>/locations/<location>/instances/<instance>}.
     *
     * @param name the resource name
     * @return the name
     * @throws ValidationException when the text is not an instance name
     */
    public static InstanceName parse(String name) {
        String[] parts = name == null ? new String[0] : name.split("/", -1);
        if (parts.length != 6 || !parts[0].equals("projects") || !parts[2].equals("locations")
                || !parts[4].equals("instances")) {
            throw new ValidationException(Rules.VENDOR, null, "instance",
                    "must be 'projects/<project>/locations/<location>/instances/<instance>' (was '"
                            + TenantRules.printable(name) + "')");
        }
        return new InstanceName(parts[1], parts[3], parts[5]);
    }

    /**
     * Returns the project id or number.
     *
     * @return the project id or number
     */
    public String project() {
        return project;
    }

    /**
     * Returns the location.
     *
     * @return the location
     */
    public String location() {
        return location;
    }

    /**
     * Returns the instance id.
     *
     * @return the instance id
     */
    public String instance() {
        return instance;
    }

    /**
     * Returns a tenant's resource name under this instance.
     *
     * @param tenantId the tenant id
     * @return {@code <this>/tenants/<tenantId>}
     */
    public String tenantName(String tenantId) {
        return this + "/tenants/" + TenantRules.serverId(null, "tenantId", tenantId);
    }

    /** Returns {@code projects/<project>/locations/<location>/instances/<instance>}. */
    @Override
    public String toString() {
        return "projects/" + project + "/locations/" + location + "/instances/" + instance;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InstanceName n && project.equals(n.project) && location.equals(n.location)
                && instance.equals(n.instance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(project, location, instance);
    }
}
