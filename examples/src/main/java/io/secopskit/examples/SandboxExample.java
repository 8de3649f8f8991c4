package io.secopskit.examples;

import io.secopskit.testkit.SecOpsSandbox;
import java.io.PrintStream;

/** Runs an example against the embedded sandbox, or against the vendors a properties file configures. */
@FunctionalInterface
interface SandboxExample {
    /**
     * Runs the example.
     *
     * @param vendors the clients
     * @param sandbox the sandbox when running offline (for seeding demo data), or null
     * @param out     where to print
     */
    void run(Vendors vendors, SecOpsSandbox sandbox, PrintStream out);

    /**
     * Runs the example from a {@code main}: offline by default, or with the properties file given.
     *
     * @param args    optional properties file
     * @param example the example
     */
    static void main(String[] args, SandboxExample example) {
        if (args.length > 0) {
            example.run(Vendors.configured(java.nio.file.Path.of(args[0])), null, System.out);
            return;
        }
        try (SecOpsSandbox sandbox = SecOpsSandbox.start()) {
            example.run(Vendors.sandbox(sandbox), sandbox, System.out);
        }
    }
}
