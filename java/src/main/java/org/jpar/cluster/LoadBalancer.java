package org.jpar.cluster;

import java.util.ArrayDeque;
import java.util.function.IntConsumer;

/**
 * Hands each load-balanced task to the next engine that has none of them outstanding; tasks
 * wait in submission order while every engine is busy. Sends are nonblocking, so holding the
 * lock while sending is short.
 */
final class LoadBalancer {
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final ArrayDeque<IntConsumer> waiting = new ArrayDeque<>();

    LoadBalancer(int engines) {
        for (int e = 0; e < engines; e++) {
            free.add(e);
        }
    }

    /** Sends now, to a free engine, or when one becomes free. */
    synchronized void submit(IntConsumer send) {
        Integer engine = free.poll();
        if (engine != null) {
            send.accept(engine);
        } else {
            waiting.add(send);
        }
    }

    /** An engine finished a load-balanced task: give it the next one, or mark it free. */
    synchronized void done(int engine) {
        IntConsumer next = waiting.poll();
        if (next != null) {
            next.accept(engine);
        } else {
            free.add(engine);
        }
    }

    /** Never hands another task to {@code engine}. */
    synchronized void remove(int engine) {
        free.remove(engine);
    }

    /** How many tasks wait for an engine. */
    synchronized int waiting() {
        return waiting.size();
    }
}
