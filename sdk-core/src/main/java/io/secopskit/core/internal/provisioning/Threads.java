package io.secopskit.core.internal.provisioning;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for onboarding work: virtual threads when the running JDK has them (21+, found at run
 * time, since the build targets release 17), daemon platform threads otherwise. Internal.
 */
public final class Threads {
    private static final Method OF_VIRTUAL;
    private static final Method NAME;
    private static final Method FACTORY;

    static {
        Method ofVirtual = null;
        Method name = null;
        Method factory = null;
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            ofVirtual = Thread.class.getMethod("ofVirtual");
            name = builder.getMethod("name", String.class, long.class);
            factory = builder.getMethod("factory");
        } catch (ReflectiveOperationException | RuntimeException e) {
            ofVirtual = null;
        }
        OF_VIRTUAL = ofVirtual;
        NAME = name;
        FACTORY = factory;
    }

    private Threads() {
    }

    /** Returns whether this JDK has virtual threads. */
    public static boolean virtualThreadsAvailable() {
        return OF_VIRTUAL != null;
    }

    /**
     * Returns a thread factory.
     *
     * @param prefix  thread name prefix
     * @param virtual whether to use virtual threads where available
     * @return the factory
     */
    public static ThreadFactory factory(String prefix, boolean virtual) {
        if (virtual && OF_VIRTUAL != null) {
            try {
                Object builder = NAME.invoke(OF_VIRTUAL.invoke(null), prefix, 0L);
                return (ThreadFactory) FACTORY.invoke(builder);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create virtual threads", e);
            }
        }
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Returns an executor of at most {@code threads} threads that are virtual where available.
     *
     * @param prefix  thread name prefix
     * @param threads the bound
     * @param virtual whether to use virtual threads where available
     * @return the executor; shut it down when done
     */
    public static ExecutorService bounded(String prefix, int threads, boolean virtual) {
        return Executors.newFixedThreadPool(threads, factory(prefix, virtual));
    }
}
