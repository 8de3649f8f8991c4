package io.secopskit.servicenow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.secopskit.core.error.ValidationException;
import io.secopskit.servicenow.model.TableQuery;
import io.secopskit.servicenow.model.TableQuery.Op;
import io.secopskit.testkit.FakeRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The typed encoded-query builder: what it writes, what it refuses, and what the instance then matches. */
class TableQueryTest extends ServiceNowTestBase {

    @Test
    void typedConditions_writeTheEncodedQuery_endingWithTheSysIdOrder() {
        TableQuery q = TableQuery.builder()
                .where("name", Op.EQ, "Acme Corp")
                .or("name", Op.STARTS_WITH, "Acme")
                .and("active", Op.NE, "false")
                .and("state", Op.IN, List.of("1", "2"))
                .and("description", Op.IS_NOT_EMPTY)
                .and("caller_id.name", Op.LIKE, "Jane Doe")
                .and("priority", Op.LE, "2")
                .orderByDescending("sys_created_on")
                .build();

        assertEquals("name=Acme Corp^ORnameSTARTSWITHAcme^active!=false^stateIN1,2^descriptionISNOTEMPTY"
                + "^caller_id.nameLIKEJane Doe^priority<=2^ORDERBYDESCsys_created_on^ORDERBYsys_id", q.encodedQuery());
        assertEquals("ORDERBYsys_id", TableQuery.builder().build().encodedQuery());
        assertEquals("ORDERBYnumber^ORDERBYDESCsys_id", TableQuery.builder().orderBy("number").orderByDescending("sys_id")
                .build().encodedQuery());
        for (Op op : Op.values()) {
            assertFalse(op.token().isEmpty());
        }
    }

    @Test
    void rawEncodedQuery_isSentAsWritten_withTheSysIdOrderAppendedUnlessPresent() {
        assertEquals("active=true^priority=1^ORDERBYsys_id",
                TableQuery.builder().encodedQuery("active=true^priority=1").build().encodedQuery());
        assertEquals("active=true^ORDERBYDESCsys_id",
                TableQuery.builder().encodedQuery("active=true^ORDERBYDESCsys_id").build().encodedQuery());
        assertEquals("active=true^ORDERBYnumber^ORDERBYsys_id",
                TableQuery.builder().encodedQuery("active=true").orderBy("number").build().encodedQuery());
        assertEquals("ORDERBYsys_id", TableQuery.builder().encodedQuery("").build().encodedQuery());
    }

    @Test
    void values_withCaretLineBreaksScriptsOrListCommas_areRefused_namingTheColumn() {
        record Bad(String rule, Supplier<TableQuery.Builder> build) {
        }
        List<Bad> bad = List.of(
                new Bad("'^'", () -> TableQuery.builder().where("name", Op.EQ, "Acme^ORname!=x")),
                new Bad("'^'", () -> TableQuery.builder().where("name", Op.EQ, "x^NQactive=true")),
                new Bad("'^'", () -> TableQuery.builder().where("name", Op.EQ, "ok").or("name", Op.LIKE, "^")),
                new Bad("control characters", () -> TableQuery.builder().where("name", Op.EQ, "Acme\r\nX: y")),
                new Bad("control characters", () -> TableQuery.builder().where("name", Op.EQ, "Acme\n")),
                new Bad("control characters", () -> TableQuery.builder().where("name", Op.EQ, "Acme\u0000")),
                new Bad("javascript:", () -> TableQuery.builder().where("name", Op.EQ, " JavaScript:gs.getUserName()")),
                new Bad("','", () -> TableQuery.builder().where("name", Op.IN, List.of("a", "b,c"))),
                new Bad("'^'", () -> TableQuery.builder().where("name", Op.NOT_IN, List.of("a^b"))),
                new Bad("null", () -> TableQuery.builder().where("name", Op.EQ, (String) null)));
        for (Bad b : bad) {
            ValidationException e = assertThrows(ValidationException.class, () -> b.build().get(), b.rule());
            assertEquals("name", e.field(), b.rule());
            assertEquals("servicenow", e.vendor());
            assertTrue(e.rule().contains(b.rule()), e.rule());
            assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), "escaped in the message");
        }
    }

    @Test
    void misuse_columnsArityOrderAndMixing_isRefused() {
        for (String column : List.of("Name", "na me", "name=x", "name^", "", "a..b", "a.", "u_x;y")) {
            assertThrows(ValidationException.class, () -> TableQuery.builder().where(column, Op.EQ, "v"), column);
            assertThrows(ValidationException.class, () -> TableQuery.builder().orderBy(column), column);
            assertThrows(ValidationException.class, () -> TableQuery.builder().fields("sys_id", column), column);
        }
        assertTrue(assertThrows(ValidationException.class, () -> TableQuery.builder().where("a", Op.IS_EMPTY, "v"))
                .rule().contains("takes no value"));
        assertTrue(assertThrows(ValidationException.class, () -> TableQuery.builder().where("a", Op.EQ))
                .rule().contains("takes one value"));
        assertTrue(assertThrows(ValidationException.class, () -> TableQuery.builder().where("a", Op.EQ, List.of("x")))
                .rule().contains("takes one value"));
        assertTrue(assertThrows(ValidationException.class, () -> TableQuery.builder().where("a", Op.IN, "x"))
                .rule().contains("takes a list of values"));
        assertTrue(assertThrows(ValidationException.class, () -> TableQuery.builder().where("a", Op.IN, List.of()))
                .rule().contains("at least one value"));
        assertTrue(assertThrows(ValidationException.class, () -> TableQuery.builder().or("a", Op.EQ, "x"))
                .rule().contains("needs a condition before it"));
        assertEquals("encodedQuery", assertThrows(ValidationException.class, () -> TableQuery.builder()
                .where("a", Op.EQ, "x").encodedQuery("b=y").build()).field());
        assertEquals("pageSize", assertThrows(ValidationException.class, () -> TableQuery.builder().pageSize(0).build()).field());
        assertEquals("pageSize", assertThrows(ValidationException.class, () -> TableQuery.builder().pageSize(10_001).build()).field());
        assertEquals(10_000, TableQuery.builder().pageSize(10_000).build().pageSize());
    }

    @Test
    void injectionAttempt_sendsNothing_whileTheSameNameAsAValueFindsExactlyItsRecord() {
        fake.insert("cmdb_ci", Map.of("name", "Acme Corp"));
        fake.insert("cmdb_ci", Map.of("name", "Other Customer"));
        String hostile = "Acme Corp^ORname!=nobody";

        assertThrows(ValidationException.class, () -> client.table("cmdb_ci")
                .list(TableQuery.builder().where("name", Op.EQ, hostile).build()));
        assertTrue(fake.requests().isEmpty());

        List<Map<String, Object>> found = client.table("cmdb_ci").list(TableQuery.builder()
                .where("name", Op.EQ, "Acme Corp").fields("sys_id", "name").build()).stream().toList();
        assertEquals(1, found.size());
        assertEquals("Acme Corp", found.get(0).get("name"));
        FakeRequest sent = fake.lastRequest();
        assertEquals("name=Acme Corp^ORDERBYsys_id", sent.queryParam("sysparm_query"));
        assertEquals("sys_id,name", sent.queryParam("sysparm_fields"));
    }

    @Test
    void typedQuery_againstTheFake_filtersAndOrders() {
        fake.insert("incident", Map.of("number", "INC3", "priority", "3", "short_description", "mail"));
        fake.insert("incident", Map.of("number", "INC1", "priority", "1", "short_description", "phishing wave"));
        fake.insert("incident", Map.of("number", "INC2", "priority", "2", "short_description", "phishing kit"));
        fake.insert("incident", Map.of("number", "INC4", "priority", "4", "short_description", ""));

        List<Object> numbers = client.table("incident").list(TableQuery.builder()
                .where("short_description", Op.STARTS_WITH, "phishing").or("priority", Op.IN, List.of("3"))
                .and("priority", Op.LE, "3").orderByDescending("number").build())
                .stream().map(r -> r.get("number")).toList();
        List<Object> empty = client.table("incident").list(TableQuery.builder()
                .where("short_description", Op.IS_EMPTY).build()).stream().map(r -> r.get("number")).toList();

        assertEquals(List.of("INC3", "INC2", "INC1"), numbers);
        assertEquals(List.of("INC4"), empty);
    }
}
