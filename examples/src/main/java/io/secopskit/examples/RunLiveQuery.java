package io.secopskit.examples;

import io.secopskit.carbonblack.model.CreateRunRequest;
import io.secopskit.carbonblack.model.Run;
import io.secopskit.carbonblack.model.RunResult;
import io.secopskit.carbonblack.model.RunResultQuery;
import java.time.Duration;

/** Starts a Carbon Black Live Query run, waits for it, and prints the first rows. */
public final class RunLiveQuery {
    private RunLiveQuery() {
    }

    /**
     * Runs the example.
     *
     * @param args optional properties file
     */
    public static void main(String[] args) {
        SandboxExample.main(args, (v, sandbox, out) -> {
            Run run = v.carbonBlack.liveQuery().runs().create(CreateRunRequest.of("select name, path from processes;"));
            if (sandbox != null) {
                sandbox.carbonBlack().seedRunResults(run.id(), 42);
            }
            Run done = v.carbonBlack.liveQuery().runs().waitForCompletion(run.id(), Duration.ofMinutes(10));
            out.println("run " + done.id() + " " + done.status());
            v.carbonBlack.liveQuery().results(run.id(), RunResultQuery.builder().pageSize(10).build()).stream().limit(3)
                    .map(RunResult::fields).forEach(out::println);
        });
    }
}
