package io.secopskit.carbonblack;

import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.spi.Inputs;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Carbon Black Cloud environment: its defense host ({@code /appservices}, {@code /threathunter},
 * {@code /livequery}) and its API host ({@code /integrationServices}). The vendor's document gives the
 * pattern {@code https://defense-<environment>.conferdeploy.net} and {@code https://api-<environment>.conferdeploy.net};
 * {@link #of(String)} applies it. The named constants use the hosts the vendor publishes for its consoles
 * where they differ from the pattern (PROD01, PROD02, PROD06). Their API hosts are not published: the SDK
 * infers {@code api-prod01}, {@code api} and {@code api-eu} {@code .conferdeploy.net} from the pattern —
 * set {@code apiEndpoint(URI)} if yours differs (only the deprecated notifications queue uses it). UK and
 * AWS GovCloud orgs use other domains: set {@code endpoint(URI)} and {@code apiEndpoint(URI)}. Immutable.
 */
public final class CarbonBlackEnvironment {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]{2,20}");

    /**
     * prod01: defense host {@code https://dashboard.confer.net} (the vendor's console address for prod01);
     * API host {@code https://api-prod01.conferdeploy.net} inferred from the pattern.
     */
    public static final CarbonBlackEnvironment PROD01 = new CarbonBlackEnvironment("prod01",
            "https://dashboard.confer.net", "https://api-prod01.conferdeploy.net");
    /**
     * prod02: defense host {@code https://defense.conferdeploy.net} (no environment suffix); API host
     * {@code https://api.conferdeploy.net} inferred.
     */
    public static final CarbonBlackEnvironment PROD02 = new CarbonBlackEnvironment("prod02",
            "https://defense.conferdeploy.net", "https://api.conferdeploy.net");
    /** prod05: {@code defense-prod05} and {@code api-prod05.conferdeploy.net}. */
    public static final CarbonBlackEnvironment PROD05 = pattern("prod05");
    /**
     * prod06 (Europe): defense host {@code https://defense-eu.conferdeploy.net}; API host
     * {@code https://api-eu.conferdeploy.net} inferred.
     */
    public static final CarbonBlackEnvironment PROD06 = new CarbonBlackEnvironment("prod06",
            "https://defense-eu.conferdeploy.net", "https://api-eu.conferdeploy.net");
    /** prodnrt (Tokyo): {@code defense-prodnrt} and {@code api-prodnrt.conferdeploy.net}. */
    public static final CarbonBlackEnvironment PRODNRT = pattern("prodnrt");
    /** prodsyd (Sydney): {@code defense-prodsyd} and {@code api-prodsyd.conferdeploy.net}. */
    public static final CarbonBlackEnvironment PRODSYD = pattern("prodsyd");

    private final String name;
    private final URI defenseHost;
    private final URI apiHost;

    private CarbonBlackEnvironment(String name, String defenseHost, String apiHost) {
        this.name = name;
        this.defenseHost = URI.create(defenseHost);
        this.apiHost = URI.create(apiHost);
    }

    private static CarbonBlackEnvironment pattern(String env) {
        return new CarbonBlackEnvironment(env, "https://defense-" + env + ".conferdeploy.net", "https://api-" + env + ".conferdeploy.net");
    }

    /**
     * Returns an environment by name: one of the named constants ({@code prod01}, {@code prod02},
     * {@code prod05}, {@code prod06}, {@code prodnrt}, {@code prodsyd}, in any case) or, for any other name,
     * the document's pattern {@code https://defense-<env>.conferdeploy.net} and
     * {@code https://api-<env>.conferdeploy.net}. A name that follows the pattern but does not exist (for
     * example {@code prod99}) is found out at the first call: its host does not resolve, and the
     * {@link io.secopskit.core.error.TransportException} names the host and the environments' hosts.
     *
     * @param environment the environment name, for example {@code prod04}
     * @return the environment
     * @throws ConfigurationException (setting {@code environment}) if the name is not 2 to 20 letters and digits
     */
    public static CarbonBlackEnvironment of(String environment) {
        String env = environment == null ? "" : environment.trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(env).matches()) {
            throw new ConfigurationException(CarbonBlackClient.VENDOR, "environment",
                    "must be 2 to 20 letters and digits, for example prod05 (was " + Inputs.quote(environment) + ")");
        }
        for (CarbonBlackEnvironment named : new CarbonBlackEnvironment[] {PROD01, PROD02, PROD05, PROD06, PRODNRT, PRODSYD}) {
            if (named.name.equals(env)) {
                return named;
            }
        }
        return pattern(env);
    }

    /**
     * Returns the environment name.
     *
     * @return for example {@code prod05}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the defense host ({@code /appservices}, {@code /threathunter}, {@code /livequery}).
     *
     * @return the base URI
     */
    public URI defenseHost() {
        return defenseHost;
    }

    /**
     * Returns the API host ({@code /integrationServices}).
     *
     * @return the base URI
     */
    public URI apiHost() {
        return apiHost;
    }

    @Override
    public String toString() {
        return "CarbonBlackEnvironment{" + name + ", defense=" + defenseHost + ", api=" + apiHost + "}";
    }
}
