package io.secopskit.carbonblack;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A Carbon Black Cloud environment: its defense host ({@code /appservices}, {@code /threathunter},
 * {@code /livequery}) and its API host ({@code /integrationServices}). The named constants use the
 * vendor's published hosts; {@link #of(String)} applies the documented
 * {@code defense-<env>} / {@code api-<env>}{@code .conferdeploy.net} pattern for others. Immutable.
 */
public final class CarbonBlackEnvironment {
    /** prod01 (console {@code dashboard.confer.net}; API host follows the pattern — verify for your org). */
    public static final CarbonBlackEnvironment PROD01 = new CarbonBlackEnvironment("prod01",
            "https://dashboard.confer.net", "https://api-prod01.conferdeploy.net");
    /** prod02 ({@code defense.conferdeploy.net}, no environment suffix). */
    public static final CarbonBlackEnvironment PROD02 = new CarbonBlackEnvironment("prod02",
            "https://defense.conferdeploy.net", "https://api.conferdeploy.net");
    /** prod05. */
    public static final CarbonBlackEnvironment PROD05 = of("prod05");
    /** prod06 (Europe: {@code defense-eu.conferdeploy.net}). */
    public static final CarbonBlackEnvironment PROD06 = new CarbonBlackEnvironment("prod06",
            "https://defense-eu.conferdeploy.net", "https://api-eu.conferdeploy.net");
    /** prodnrt. */
    public static final CarbonBlackEnvironment PRODNRT = of("prodnrt");
    /** prodsyd (Sydney). */
    public static final CarbonBlackEnvironment PRODSYD = of("prodsyd");

    private final String name;
    private final URI defenseHost;
    private final URI apiHost;

    private CarbonBlackEnvironment(String name, String defenseHost, String apiHost) {
        this.name = name;
        this.defenseHost = URI.create(defenseHost);
        this.apiHost = URI.create(apiHost);
    }

    /**
     * Returns the environment with the seed document's host pattern:
     * {@code https://defense-<env>.conferdeploy.net} and {@code https://api-<env>.conferdeploy.net}.
     *
     * @param environment the environment name, for example {@code prod04}
     * @return the environment
     * @throws IllegalArgumentException if the name is not lowercase letters and digits
     */
    public static CarbonBlackEnvironment of(String environment) {
        Objects.requireNonNull(environment, "environment");
        String env = environment.toLowerCase(Locale.ROOT);
        if (!env.matches("[a-z0-9]{2,20}")) {
            throw new IllegalArgumentException("environment must be letters and digits, for example prod05: " + environment);
        }
        return new CarbonBlackEnvironment(env, "https://defense-" + env + ".conferdeploy.net",
                "https://api-" + env + ".conferdeploy.net");
    }

    /** Returns the environment name. */
    public String name() {
        return name;
    }

    /** Returns the defense host ({@code /appservices}, {@code /threathunter}, {@code /livequery}). */
    public URI defenseHost() {
        return defenseHost;
    }

    /** Returns the API host ({@code /integrationServices}). */
    public URI apiHost() {
        return apiHost;
    }

    @Override
    public String toString() {
        return "CarbonBlackEnvironment{" + name + ", defense=" + defenseHost + ", api=" + apiHost + "}";
    }
}
