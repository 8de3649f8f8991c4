package io.secopskit.examples;

import io.secopskit.servicenow.model.ThreatLookupResult;
import io.secopskit.servicenow.model.WriteOptions;
import io.secopskit.servicenow.model.WriteResult;

/** Posts a threat lookup result into ServiceNow Security Operations. */
public final class PostThreatLookup {
    private PostThreatLookup() {
    }

    /**
     * Runs the example.
     *
     * @param args optional properties file, then the observable's sys_id
     */
    public static void main(String[] args) {
        SandboxExample.main(args.length > 0 ? new String[] {args[0]} : args, (v, sandbox, out) -> {
            String observable = sandbox != null
                    ? sandbox.serviceNow().insert("sn_ti_observable", java.util.Map.of("value", "203.0.113.7"))
                    : args[1];
            WriteResult r = v.serviceNow.secOpsIntegration().postThreatLookup(ThreatLookupResult.builder().observable(observable)
                    .source("VirusTotal").result("malicious").field("u_score", 87).build(), WriteOptions.defaults());
            out.println("threat lookup stored: success=" + r.success() + " sys_id=" + r.sysId());
        });
    }
}
