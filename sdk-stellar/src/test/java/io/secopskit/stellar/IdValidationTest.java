package io.secopskit.stellar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ValidationException;
import io.secopskit.core.spi.Inputs;
import io.secopskit.stellar.model.CaseStatus;
import io.secopskit.stellar.model.CaseUpdate;
import io.secopskit.stellar.model.TenantRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12 §6: caller input cannot change a request's target. Every id parameter of every Stellar Cyber
 * operation refuses {@code .}, {@code ..}, control characters, separators and over-long values with a
 * {@link ValidationException} naming the field, and nothing — not even a token exchange — is sent.
 */
class IdValidationTest extends StellarTestBase {
    private static final List<String> BAD_IDS = List.of(".", "..", "", "a\u0000b", "a\r\nX-Injected: 1", "a\tb",
            "a\u007fb", "a\u2028b", "817418af/../cases", "..\\cases", "a b", "../x",
            "f".repeat(Inputs.MAX_ID_LENGTH + 1));

    /** An id parameter: the operation, the field it is reported as, and a call that passes the id. */
    private record IdParameter(String operation, String field, Consumer<StellarClient> withId) {
        @Override
        public String toString() {
            return operation + "(" + field + ")";
        }
    }

    private static List<IdParameter> parameters(String id) {
        CaseUpdate update = CaseUpdate.builder().status(CaseStatus.RESOLVED).build();
        TenantRequest change = TenantRequest.builder().name("Acme").buildForUpdate();
        return List.of(
                new IdParameter("GetTenant", "tenant_id", c -> c.tenants().get(id)),
                new IdParameter("UpdateTenant", "tenant_id", c -> c.tenants().update(id, change)),
                new IdParameter("DeleteTenant", "tenant_id", c -> c.tenants().delete(id)),
                new IdParameter("GetCase", "case_id", c -> c.cases().get(id)),
                new IdParameter("UpdateCase", "case_id", c -> c.cases().update(id, update)),
                new IdParameter("ListCaseComments", "case_id", c -> c.cases().comments().list(id)),
                new IdParameter("AddCaseComment", "case_id", c -> c.cases().comments().create(id, "note")));
    }

    static Stream<Arguments> everyIdParameterTimesEveryBadId() {
        List<Arguments> out = new ArrayList<>();
        for (String bad : BAD_IDS) {
            for (IdParameter p : parameters(bad)) {
                out.add(Arguments.of(p, bad));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ← {index}")
    @MethodSource("everyIdParameterTimesEveryBadId")
    void idParameter_withHostileValue_isRefusedBeforeAnythingIsSent(IdParameter parameter, String bad) {
        ValidationException e = assertThrows(ValidationException.class, () -> parameter.withId().accept(client));

        assertEquals("stellar", e.vendor());
        assertEquals(parameter.operation(), e.operation());
        assertEquals(parameter.field(), e.field());
        assertTrue(fake.requests().isEmpty(), "nothing sent, not even a token exchange: " + fake.requests());
        for (char c : e.getMessage().toCharArray()) {
            assertFalse(Inputs.isControl(c), "control characters are escaped in the message: " + e.getMessage());
        }
        assertTrue(e.getMessage().length() < 300, "the input is quoted, not copied: " + e.getMessage().length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idParametersWithANullId")
    void idParameter_null_isRefusedAsRequired(IdParameter parameter) {
        ValidationException e = assertThrows(ValidationException.class, () -> parameter.withId().accept(client));

        assertEquals(parameter.field(), e.field());
        assertTrue(e.getMessage().contains("required"), e.getMessage());
        assertTrue(fake.requests().isEmpty());
    }

    static Stream<IdParameter> idParametersWithANullId() {
        return parameters(null).stream();
    }
}
