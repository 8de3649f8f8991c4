package io.secopskit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StrictnessTest {
    @Test
    void newStrictness_hasEveryRuleOn_andSingleRulesSwitchOffAndOn() {
        Strictness<FakeChronicle.Rule> s = new Strictness<>(FakeChronicle.Rule.class);
        assertEquals(EnumSet.allOf(FakeChronicle.Rule.class), s.enabled());

        s.disable(FakeChronicle.Rule.CREATE_CUSTOMER_QUOTA, FakeChronicle.Rule.RETENTION_VALUES);
        assertFalse(s.isEnabled(FakeChronicle.Rule.CREATE_CUSTOMER_QUOTA));
        assertFalse(s.isEnabled(FakeChronicle.Rule.RETENTION_VALUES));
        assertTrue(s.isEnabled(FakeChronicle.Rule.GCP_PROJECT_FORMS));

        s.enable(FakeChronicle.Rule.RETENTION_VALUES);
        assertTrue(s.isEnabled(FakeChronicle.Rule.RETENTION_VALUES));

        s.lenient();
        assertTrue(s.enabled().isEmpty());
        s.enable(FakeChronicle.Rule.GCP_PROJECT_FORMS);
        assertEquals(EnumSet.of(FakeChronicle.Rule.GCP_PROJECT_FORMS), s.enabled());
        s.strict();
        assertEquals(s.rules(), s.enabled());
    }

    @Test
    void everyRuleOfEveryFake_namesItsSourceAndWhatItDoes() {
        for (Class<? extends DocumentedRule> type : java.util.List.of(FakeChronicle.Rule.class, FakeTaegis.Rule.class,
                FakeCarbonBlack.Rule.class)) {
            for (DocumentedRule r : type.getEnumConstants()) {
                assertTrue(r.source().matches(".*(L\\d+|NOTES\\.md).*"), r + ": " + r.source());
                assertTrue(r.summary().length() > 20, r + ": " + r.summary());
            }
        }
    }
}
