package io.secopskit.core.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.secopskit.core.internal.json.Json;
import io.secopskit.core.store.Binding;
import io.secopskit.core.store.JournalEntry;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.core.store.StoreCorruptedException;
import io.secopskit.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the JSON onboarding journal of SecOpsKit 0.1 ({@code {customer: {vendor: {tenantId, status,
 * completedAt}}}}) into a {@link ProvisioningStore}: each entry becomes an active binding and a journal entry
 * of the import run, so the next onboarding finds those tenants through their bindings. The file is only read.
 */
public final class LegacyJournalImport {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,17}");

    /**
     * What an import did.
     *
     * @param imported   entries turned into bindings
     * @param unreadable entries skipped because they cannot be read, each as {@code customer/vendor}
     */
    public record Report(int imported, List<String> unreadable) {
        /** Copies the list. */
        public Report {
            unreadable = List.copyOf(unreadable);
        }
    }

    private LegacyJournalImport() {
    }

    /**
     * Imports a legacy journal file.
     *
     * @param file  the JSON journal
     * @param store the store to fill
     * @return how many entries were imported, and which could not be read
     * @throws StoreCorruptedException if the file is not a JSON object (naming the file)
     * @throws StoreException          if the file cannot be read or the store cannot be written
     */
    public static Report importFile(Path file, ProvisioningStore store) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
                throw new StoreCorruptedException(file.toString(), "the whole file (not JSON)", e);
            }
            throw new StoreException("legacy.read", "cannot read " + file, e);
        }
        if (root == null || !root.isObject()) {
            throw new StoreCorruptedException(file.toString(), "the whole file (not a JSON object)", null);
        }
        int imported = 0;
        List<String> unreadable = new ArrayList<>();
        String runId = "legacy-import-" + java.util.UUID.randomUUID();
        for (Iterator<Map.Entry<String, JsonNode>> customers = root.fields(); customers.hasNext(); ) {
            Map.Entry<String, JsonNode> customer = customers.next();
            String code = customer.getKey();
            if (!CODE.matcher(code).matches() || !customer.getValue().isObject()) {
                unreadable.add(code + "/*");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> steps = customer.getValue().fields(); steps.hasNext(); ) {
                Map.Entry<String, JsonNode> step = steps.next();
                JsonNode s = step.getValue();
                String tenantId = s.path("tenantId").asText(null);
                String status = s.path("status").asText("");
                Instant at;
                try {
                    at = Instant.parse(s.path("completedAt").asText(""));
                } catch (RuntimeException e) {
                    at = null;
                }
                if (tenantId == null || tenantId.isBlank() || at == null || !(status.equals("CREATED") || status.equals("FOUND"))) {
                    unreadable.add(code + "/" + step.getKey());
                    continue;
                }
                Binding.Origin origin = status.equals("CREATED") ? Binding.Origin.CREATED : Binding.Origin.ADOPTED;
                store.record(new Binding(code, step.getKey(), tenantId, Binding.State.ACTIVE, origin, at, at),
                        JournalEntry.of(code, step.getKey(), runId, status.equals("CREATED") ? JournalEntry.Event.CREATED
                                : JournalEntry.Event.FOUND, tenantId, at, Map.of("importedFrom", file.getFileName().toString())));
                imported++;
            }
        }
        return new Report(imported, unreadable);
    }
}
