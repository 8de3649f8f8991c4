package io.secopskit.chronicle.internal;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.secopskit.chronicle.GoogleServiceAccountAuth;
import io.secopskit.core.Secret;
import io.secopskit.core.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Google credential settings both Chronicle builders share — {@code serviceAccountKey(Path)},
 * {@code serviceAccountKey(InputStream)}, {@code serviceAccountKey(Supplier<Secret>)},
 * {@code credentials(GoogleCredentials)} — remembered in any order and resolved at build: exactly one flow,
 * key files read and parsed then, every problem a {@link ConfigurationException} naming the setting and never
 * quoting the key. Not thread-safe (a builder's state). Internal.
 */
public final class GoogleCredentialFlows {
    /** The convenience names, for messages. */
    public static final String NAMES = "serviceAccountKey(...) or credentials(...)";

    private final String vendor;
    private final List<String> chosen = new ArrayList<>();
    private Path keyFile;
    private byte[] keyBytes;
    private String keyReadFailure;
    private Supplier<Secret> keySupplier;
    private GoogleCredentials credentials;
    private String nullSetting;

    /**
     * Creates empty settings.
     *
     * @param vendor vendor id, for errors
     */
    public GoogleCredentialFlows(String vendor) {
        this.vendor = vendor;
    }

    /**
     * Remembers a key file, read at build.
     *
     * @param value the file
     */
    public void keyFile(Path value) {
        choose("serviceAccountKey(...)", "serviceAccountKey", value);
        this.keyFile = value;
        this.keyBytes = null;
        this.keyReadFailure = null;
        this.keySupplier = null;
    }

    /**
     * Reads a key from a stream now (so the caller may close it at once); parsed at build. A read failure is
     * reported at build.
     *
     * @param value the stream; not closed
     */
    public void keyStream(InputStream value) {
        choose("serviceAccountKey(...)", "serviceAccountKey", value);
        this.keyFile = null;
        this.keySupplier = null;
        this.keyBytes = null;
        this.keyReadFailure = null;
        if (value != null) {
            try {
                this.keyBytes = value.readNBytes(1 << 20);
            } catch (IOException e) {
                this.keyReadFailure = "cannot read the service-account key stream: " + GoogleKeys.describe(e);
            }
        }
    }

    /**
     * Remembers a key supplier, read at every token request.
     *
     * @param value the supplier
     */
    public void keySupplier(Supplier<Secret> value) {
        choose("serviceAccountKey(...)", "serviceAccountKey", value);
        this.keyFile = null;
        this.keyBytes = null;
        this.keyReadFailure = null;
        this.keySupplier = value;
    }

    /**
     * Remembers credentials.
     *
     * @param value the credentials
     */
    public void credentials(GoogleCredentials value) {
        choose("credentials(...)", "credentials", value);
        this.credentials = value;
    }

    private void choose(String name, String setting, Object value) {
        if (value == null && nullSetting == null) {
            nullSetting = setting;
        }
        chosen.remove(name);
        chosen.add(name);
    }

    /**
     * Returns whether a flow was chosen.
     *
     * @return whether a flow was chosen
     */
    public boolean isSet() {
        return !chosen.isEmpty();
    }

    /** What a resolved flow gives: the strategy and where its key comes from (for a sibling client). */
    public record Resolved(GoogleServiceAccountAuth auth, ServiceAccountCredentials credentials, Supplier<Secret> keySupplier) {
    }

    /**
     * Resolves the chosen flow.
     *
     * @param scopes the OAuth scopes
     * @return the resolved flow, or null when none was chosen
     * @throws ConfigurationException for two flows, a null value, an unreadable or invalid key, or non-service-account credentials
     */
    public Resolved resolve(List<String> scopes) {
        if (nullSetting != null) {
            throw new ConfigurationException(vendor, nullSetting, "must not be null");
        }
        if (chosen.size() > 1) {
            throw new ConfigurationException(vendor, "auth", "choose exactly one of " + NAMES + "; got "
                    + String.join(" and ", chosen));
        }
        if (chosen.isEmpty()) {
            return null;
        }
        if (keySupplier != null) {
            return new Resolved(GoogleServiceAccountAuth.fromKey(keySupplier, scopes), null, keySupplier);
        }
        ServiceAccountCredentials account;
        if (credentials != null) {
            if (!(credentials instanceof ServiceAccountCredentials sa)) {
                throw new ConfigurationException(vendor, "credentials", "must be service-account credentials "
                        + "(ServiceAccountCredentials), whose token requests SecOpsKit sends over its own HTTP pipeline; got "
                        + credentials.getClass().getSimpleName() + " — for other credential kinds, implement AuthStrategy "
                        + "and pass it with auth(...)");
            }
            GoogleKeys.requireTokenUri(vendor, "credentials", sa.getTokenServerUri());
            account = sa;
        } else {
            account = GoogleKeys.parse(vendor, "serviceAccountKey", readKey());
        }
        return new Resolved(GoogleServiceAccountAuth.of(account, scopes), account, null);
    }

    private byte[] readKey() {
        if (keyReadFailure != null) {
            throw new ConfigurationException(vendor, "serviceAccountKey", keyReadFailure);
        }
        if (keyBytes != null) {
            return keyBytes;
        }
        try {
            return Files.readAllBytes(keyFile);
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(vendor, "serviceAccountKey", "cannot read the service-account key file "
                    + keyFile + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
