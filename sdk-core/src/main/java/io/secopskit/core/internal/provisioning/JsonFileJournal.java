package io.secopskit.core.internal.provisioning;

import com.fasterxml.jackson.core.type.TypeReference;
import io.secopskit.core.internal.json.Json;
import io.secopskit.core.provisioning.OnboardingJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link OnboardingJournal} in a JSON file: {@code {customerCode: {vendor: StepRecord}}}. Writes go to a
 * temporary file that replaces the journal atomically, so a crash never leaves half a file. Internal.
 */
public final class JsonFileJournal implements OnboardingJournal {
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, StepRecord>>> TYPE = new TypeReference<>() {
    };

    private final Path file;

    /**
     * Creates a journal backed by a file.
     *
     * @param file the file
     */
    public JsonFileJournal(Path file) {
        this.file = file;
    }

    private synchronized LinkedHashMap<String, LinkedHashMap<String, StepRecord>> read() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return Json.mapper().readValue(file.toFile(), TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read onboarding journal " + file, e);
        }
    }

    private synchronized void write(Map<String, LinkedHashMap<String, StepRecord>> all) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write onboarding journal " + file, e);
        }
    }

    @Override
    public synchronized Map<String, StepRecord> completedSteps(String customerCode) {
        return Map.copyOf(read().getOrDefault(customerCode, new LinkedHashMap<>()));
    }

    @Override
    public synchronized void stepCompleted(String customerCode, StepRecord step) {
        LinkedHashMap<String, LinkedHashMap<String, StepRecord>> all = read();
        all.computeIfAbsent(customerCode, k -> new LinkedHashMap<>()).put(step.vendor(), step);
        write(all);
    }

    @Override
    public synchronized void finished(String customerCode) {
        LinkedHashMap<String, LinkedHashMap<String, StepRecord>> all = read();
        if (all.remove(customerCode) != null) {
            write(all);
        }
    }
}
