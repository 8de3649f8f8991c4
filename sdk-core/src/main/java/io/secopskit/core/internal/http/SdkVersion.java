package io.secopskit.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK version, read once from the build. Internal. */
public final class SdkVersion {
    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** Returns the SDK version, for example {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    /** Returns {@code secopskit/<version> java/<java version>}. */
    public static String userAgent() {
        return "secopskit/" + VERSION + " java/" + System.getProperty("java.version", "unknown");
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/io/secopskit/core/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
