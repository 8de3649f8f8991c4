package io.secopskit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.secopskit.core.store.ProvisioningStore;
import io.secopskit.servicenow.model.CiEnrichmentResult;
import io.secopskit.testkit.FakeRequest;
import io.secopskit.testkit.FakeVendor;
import io.secopskit.testkit.SecOpsSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sandbox's fakes received, as {@code vendor operation} names (token requests left out), split into reads
 * and writes by what the operation does at the vendor; and per-customer snapshots of every fake's state.
 */
final class FakeTraffic {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GRAPHQL = Pattern.compile("^\\s*(query|mutation)\\s+(\\w+)");

    /** One request: vendor, operation, whether it writes. */
    record Call(String vendor, String operation, boolean write) {
    }

    private FakeTraffic() {
    }

    static List<Call> calls(SecOpsSandbox s) {
        List<Call> out = new ArrayList<>();
        for (FakeRequest r : s.chronicle().requests()) {
            if (!r.path().equals("/token")) {
                String op = r.path().substring(r.path().lastIndexOf('/') + 1);
                out.add(new Call("chronicle", op, !r.method().equals("GET")));
            }
        }
        for (FakeRequest r : s.taegis().requests()) {
            if (r.path().endsWith("/public/query")) {
                Matcher m = GRAPHQL.matcher(query(r));
                String kind = m.find() ? m.group(1) : "?";
                out.add(new Call("taegis", m.group(2), kind.equals("mutation")));
            }
        }
        List<FakeRequest> cb = new ArrayList<>(s.carbonBlack().requests());
        cb.addAll(s.carbonBlack().apiHost().requests());
        for (FakeRequest r : cb) {
            String path = r.path().replaceAll("/orgs/[^/]+", "").replaceAll("/feeds/[^/]+$", "/feeds/{id}");
            boolean write = !r.method().equals("GET") && !path.endsWith("_search");
            out.add(new Call("carbonblack", r.method() + " " + path, write));
        }
        for (FakeRequest r : s.serviceNow().requests()) {
            if (!r.path().equals("/oauth_token.do")) {
                String path = r.path().replaceAll("^/api/now/table/([^/]+)/[^/]+$", "table/$1/{sys_id}")
                        .replaceAll("^/api/now/table/([^/]+)$", "table/$1");
                out.add(new Call("servicenow", r.method() + " " + path, !r.method().equals("GET")));
            }
        }
        for (FakeRequest r : s.stellar().requests()) {
            if (!r.path().endsWith("/access_token")) {
                String path = r.path().replaceAll("/tenants/[0-9a-f]{32}$", "/tenants/{id}").replace("/connect/api/v1", "");
                out.add(new Call("stellar", r.method() + " " + path, !r.method().equals("GET")));
            }
        }
        return out;
    }

    private static String query(FakeRequest r) {
        try {
            return JSON.readTree(r.body()).path("query").asText("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code vendor operation} → count, of the writes. */
    static Map<String, Long> writes(SecOpsSandbox s) {
        return count(s, true);
    }

    /** {@code vendor operation} → count, of the reads. */
    static Map<String, Long> reads(SecOpsSandbox s) {
        return count(s, false);
    }

    private static Map<String, Long> count(SecOpsSandbox s, boolean write) {
        Map<String, Long> out = new TreeMap<>();
        for (Call c : calls(s)) {
            if (c.write() == write) {
                out.merge(c.vendor() + " " + c.operation(), 1L, Long::sum);
            }
        }
        return out;
    }

    static void clear(SecOpsSandbox s) {
        for (FakeVendor f : new FakeVendor[] {s.chronicle(), s.taegis(), s.carbonBlack(), s.carbonBlack().apiHost(), s.serviceNow(),
                s.stellar()}) {
            f.clearJournal();
        }
    }

    /** A customer's state at every fake (and its bindings), for before/after comparisons. */
    static String snapshot(SecOpsSandbox s, ProvisioningStore store, String code, String taegisSsoId) {
        StringBuilder sb = new StringBuilder();
        sb.append("chronicle=").append(s.chronicle().customer(code)).append('\n');
        store.bindings().get(code, "taegis").ifPresent(b -> sb.append("taegis=").append(s.taegis().tenant(b.tenantId())).append('\n'));
        if (taegisSsoId != null) {
            sb.append("taegis.sso=").append(s.taegis().ssoConnection(taegisSsoId)).append('\n');
        }
        for (JsonNode f : s.carbonBlack().feeds()) {
            if (("secopskit-" + code).equals(f.path("feedinfo").path("name").asText())) {
                sb.append("carbonblack=").append(f).append('\n');
            }
        }
        for (JsonNode r : s.serviceNow().records(CiEnrichmentResult.TABLE)) {
            if (code.equals(r.path("u_customer_code").asText())) {
                sb.append("servicenow=").append(r).append('\n');
            }
        }
        for (JsonNode t : s.stellar().tenants()) {
            if (("customer_code=" + code).equals(t.path("info").asText())) {
                sb.append("stellar=").append(t).append('\n');
            }
        }
        store.bindings().forCustomer(code).forEach(b -> sb.append("binding ").append(b.vendor()).append('=').append(b.state()).append('\n'));
        return sb.toString();
    }

    /** A Taegis tenant without its {@code updated_at} times (which every change moves). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutUpdateTimes(Map<String, Object> tenant) {
        Map<String, Object> copy = JSON.convertValue(tenant, Map.class);
        copy.remove("updated_at");
        Object envs = copy.get("environments");
        if (envs instanceof List<?> list) {
            for (Object e : list) {
                ((Map<String, Object>) e).remove("updated_at");
            }
        }
        return copy;
    }
}
