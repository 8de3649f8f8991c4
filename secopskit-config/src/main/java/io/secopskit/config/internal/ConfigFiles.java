package io.secopskit.config.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.secopskit.config.ConfigException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a configuration file — properties ({@code key=value} or {@code key: value} lines, {@code #} and
 * {@code !} comments) or YAML (nested maps of scalars, flattened to dotted keys) — keeping each key's line
 * number, so every error can name the file and the line. Internal.
 */
public final class ConfigFiles {
    private ConfigFiles() {
    }

    /** A value and the line it was read from. */
    public record Entry(String value, int line) {
    }

    /**
     * Reads a file; {@code .yaml} and {@code .yml} are YAML, anything else properties.
     *
     * @param file the file
     * @return the keys in file order
     * @throws ConfigException naming the file (and line) when it is missing, unreadable or malformed
     */
    public static Map<String, Entry> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), null, "the configuration file does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file.toString(), null, "the configuration file cannot be read (permission denied)");
        } catch (MalformedInputException e) {
            throw new ConfigException(file.toString(), null, "the configuration file is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "the configuration file cannot be read: "
                    + e.getClass().getSimpleName());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? yaml(file, text) : properties(file, text);
    }

    static Map<String, Entry> properties(Path file, String text) {
        Map<String, Entry> out = new LinkedHashMap<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (sep <= 0) {
                throw new ConfigException(file + ":" + (i + 1), null, "expected key=value");
            }
            if (line.endsWith("\\")) {
                throw new ConfigException(file + ":" + (i + 1), line.substring(0, sep).strip(),
                        "continuation lines (a trailing \\) are not supported; put the value on one line");
            }
            String key = line.substring(0, sep).strip();
            String value = line.substring(sep + 1).strip();
            if (out.containsKey(key)) {
                throw new ConfigException(file + ":" + (i + 1), key, "is set twice (first on line "
                        + out.get(key).line() + ")");
            }
            out.put(key, new Entry(value, i + 1));
        }
        return out;
    }

    static Map<String, Entry> yaml(Path file, String text) {
        Map<String, Entry> out = new LinkedHashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            Deque<String> path = new ArrayDeque<>();
            JsonToken t = p.nextToken();
            if (t == null) {
                return out;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new ConfigException(file + ":" + p.currentLocation().getLineNr(), null,
                        "expected a map of settings at the top level");
            }
            while ((t = p.nextToken()) != null) {
                int line = p.currentLocation().getLineNr();
                switch (t) {
                    case FIELD_NAME -> path.addLast(p.currentName());
                    case START_OBJECT -> {
                        // nested map: the field name stays on the path
                    }
                    case END_OBJECT -> {
                        if (!path.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    case START_ARRAY -> throw new ConfigException(file + ":" + line, String.join(".", path),
                            "lists are not supported; give one value");
                    default -> {
                        String key = String.join(".", path);
                        String value = t == JsonToken.VALUE_NULL ? "" : p.getText();
                        if (out.containsKey(key)) {
                            throw new ConfigException(file + ":" + line, key, "is set twice (first on line "
                                    + out.get(key).line() + ")");
                        }
                        out.put(key, new Entry(value, line));
                        path.removeLast();
                    }
                }
            }
        } catch (ConfigException e) {
            throw e;
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            throw new ConfigException(line > 0 ? file + ":" + line : file.toString(), null, "not valid YAML");
        }
        return out;
    }
}
