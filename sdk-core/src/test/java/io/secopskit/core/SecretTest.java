package io.secopskit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.internal.json.Json;
import org.junit.jupiter.api.Test;

class SecretTest {
    record Holder(Secret credential, String name) {
    }

    @Test
    void toString_neverShowsValue() {
        Secret s = Secret.of("hunter2");
        assertFalse(s.toString().contains("hunter2"));
        assertFalse(new Holder(s, "x").toString().contains("hunter2"), "records holding secrets stay redacted");
        assertEquals("hunter2", s.reveal());
    }

    @Test
    void equality_isByValue() {
        assertEquals(Secret.of("a"), Secret.of("a"));
        assertNotEquals(Secret.of("a"), Secret.of("b"));
        assertTrue(Secret.of("a").matches("a"));
    }

    @Test
    void of_rejectsEmpty() {
        assertThrows(IllegalArgumentException.class, () -> Secret.of(""));
        assertEquals(null, Secret.ofNullable(""));
    }

    @Test
    void json_readsAndWritesSecretsAsStrings() throws Exception {
        Holder h = Json.mapper().readValue("{\"credential\":\"c-1\",\"name\":\"n\",\"extra\":1}", Holder.class);
        assertEquals("c-1", h.credential().reveal());
        assertEquals("{\"credential\":\"c-1\",\"name\":\"n\"}", Json.mapper().writeValueAsString(h));
    }
}
