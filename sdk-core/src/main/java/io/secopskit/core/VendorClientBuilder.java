package io.secopskit.core;

import io.secopskit.core.auth.AuthStrategy;
import io.secopskit.core.error.ConfigurationException;
import io.secopskit.core.http.ClientOptions;
import io.secopskit.core.spi.VendorPipeline;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one builder shape of every vendor client: {@link #endpoint(URI)}, {@link #options(ClientOptions)}
 * (or {@link #options(Consumer)} to change the current options), {@link #auth(AuthStrategy)}, plus each
 * vendor's conveniences ({@code region}, {@code environment}, {@code apiKey}, …). Settings may be given in
 * any order; they are resolved in {@link #build()}, and every problem — missing, contradictory or invalid
 * settings, unreadable key files — is a {@link ConfigurationException} naming the setting.
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class VendorClientBuilder<B extends VendorClientBuilder<B, C>, C extends VendorClient> {
    private final String vendor;
    private URI endpoint;
    private ClientOptions options = ClientOptions.defaults();
    private AuthStrategy auth;

    /**
     * Creates a builder for a vendor.
     *
     * @param vendor the vendor id
     */
    protected VendorClientBuilder(String vendor) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
    }

    /**
     * Returns this builder as its concrete type.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * Builds the client from the resolved settings. Called by {@link #build()}.
     *
     * @return the client
     */
    protected abstract C buildClient();

    /**
     * Sets the endpoint, overriding the one a region or environment would give (tests, proxies, private
     * endpoints). Must be https unless the host is loopback.
     *
     * @param value the endpoint
     * @return this builder
     */
    public B endpoint(URI value) {
        this.endpoint = requireSetting(value, "endpoint");
        return self();
    }

    /**
     * Sets the client options (timeouts, retries, rate limits, policies, listeners, proxy, trust).
     *
     * @param value the options
     * @return this builder
     */
    public B options(ClientOptions value) {
        this.options = requireSetting(value, "options");
        return self();
    }

    /**
     * Changes the current options: {@code .options(o -> o.readTimeout(Duration.ofSeconds(5)))}.
     *
     * @param changes edits applied to a builder holding the current options
     * @return this builder
     */
    public B options(Consumer<ClientOptions.Builder> changes) {
        requireSetting(changes, "options");
        try {
            this.options = options.with(changes);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException(vendor, "options", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), e);
        }
        return self();
    }

    /**
     * Sets the auth strategy directly, instead of a vendor convenience such as {@code apiKey(...)}.
     *
     * @param value the strategy
     * @return this builder
     */
    public B auth(AuthStrategy value) {
        this.auth = requireSetting(value, "auth");
        return self();
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ConfigurationException if a setting is missing, contradictory or invalid
     */
    public final C build() {
        try {
            return buildClient();
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException | UncheckedIOException e) {
            throw new ConfigurationException(vendor, "build", e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage(), e);
        }
    }

    /**
     * Returns a setting's value, or throws {@link ConfigurationException} naming the setting when it is null.
     *
     * @param value   the value
     * @param setting the setting's name
     * @param <T>     the type
     * @return the value
     */
    protected final <T> T requireSetting(T value, String setting) {
        if (value == null) {
            throw invalid(setting, "must not be null");
        }
        return value;
    }

    /** Returns the vendor id. */
    protected final String vendor() {
        return vendor;
    }

    /** Returns the endpoint set with {@link #endpoint(URI)}, or null. */
    protected final URI endpointOverride() {
        return endpoint;
    }

    /** Returns the options. */
    protected final ClientOptions clientOptions() {
        return options;
    }

    /** Returns the strategy set with {@link #auth(AuthStrategy)}, or null. */
    protected final AuthStrategy authOverride() {
        return auth;
    }

    /**
     * Resolves the auth strategy: the one set with {@link #auth(AuthStrategy)} or the one a convenience
     * built, never both, never neither.
     *
     * @param fromConvenience the strategy a convenience built, or null
     * @param conveniences    the convenience methods' names, for the message (for example {@code "apiKey(...)"})
     * @return the strategy
     * @throws ConfigurationException if both or neither were given
     */
    protected final AuthStrategy resolveAuth(AuthStrategy fromConvenience, String conveniences) {
        if (auth != null && fromConvenience != null) {
            throw invalid("auth", "set either auth(...) or " + conveniences + ", not both");
        }
        AuthStrategy chosen = auth != null ? auth : fromConvenience;
        if (chosen == null) {
            throw invalid("auth", "credentials are required: call " + conveniences + " or auth(...)");
        }
        return chosen;
    }

    /**
     * Returns the endpoint override, or the default a vendor convenience gives.
     *
     * @param fallback the endpoint from a region or environment, or null
     * @param hint     what to call when neither is set, for the message
     * @return the endpoint
     * @throws ConfigurationException if neither is set
     */
    protected final URI resolveEndpoint(URI fallback, String hint) {
        URI chosen = endpoint != null ? endpoint : fallback;
        if (chosen == null) {
            throw invalid("endpoint", "is required: call " + hint + " or endpoint(...)");
        }
        return chosen;
    }

    /**
     * Starts the vendor pipeline with the vendor id and options.
     *
     * @return a pipeline builder
     */
    protected final VendorPipeline.Builder pipeline() {
        return VendorPipeline.builder(vendor).options(options);
    }

    /**
     * A configuration failure naming a setting.
     *
     * @param setting the setting
     * @param rule    what is wrong
     * @return the exception to throw
     */
    protected final ConfigurationException invalid(String setting, String rule) {
        return new ConfigurationException(vendor, setting, rule);
    }
}
