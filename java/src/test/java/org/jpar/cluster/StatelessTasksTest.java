package org.jpar.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.NotSerializableException;
import org.junit.jupiter.api.Test;

class StatelessTasksTest {
    /** A task class of its own: has state, so never cached. */
    private record Add(int a, int b) implements Remote<Integer> {
        @Override
        public Integer call() {
            return a + b;
        }
    }

    private static Remote<Integer> capturing(int value) {
        return () -> value * 10;
    }

    private static final java.util.function.Consumer<Class<?>> IGNORE = type -> { };

    private static Object decode(StatelessTasks engine, byte[] message) throws Exception {
        return engine.fromBytes(message, Messages.bodyOffset(message),
            StatelessTasksTest.class.getClassLoader(), null);
    }

    private static byte[] withPrefix(byte[] body) {
        return Messages.task(42, 0, new byte[0], body);
    }

    @Test
    void onlyLambdasThatCaptureNothingAreStateless() {
        Remote<Integer> empty = () -> 7;
        assertTrue(StatelessTasks.isStateless(empty));
        assertTrue(StatelessTasks.isStateless((Remote<Long>) System::nanoTime));
        assertFalse(StatelessTasks.isStateless(capturing(3)));
        assertFalse(StatelessTasks.isStateless(new Add(1, 2)));
    }

    @Test
    void aStatelessTaskIsSerializedOnce() throws Exception {
        Remote<Integer> empty = () -> 7;
        byte[] first = StatelessTasks.toBytes(empty, IGNORE);
        assertSame(first, StatelessTasks.toBytes(empty, IGNORE));
        assertNotSame(StatelessTasks.toBytes(capturing(1), IGNORE),
            StatelessTasks.toBytes(capturing(1), IGNORE));
    }

    @Test
    void anEngineReusesTheInstanceOfAStatelessTaskOnly() throws Exception {
        StatelessTasks engine = new StatelessTasks();
        Remote<Integer> empty = () -> 7;
        byte[] message = withPrefix(StatelessTasks.toBytes(empty, IGNORE));
        Object once = decode(engine, message);
        Object twice = decode(engine, message.clone());
        assertSame(once, twice);
        assertEquals(7, ((Remote<?>) once).call());

        byte[] three = withPrefix(StatelessTasks.toBytes(capturing(3), IGNORE));
        Object a = decode(engine, three);
        Object b = decode(engine, three);
        assertNotSame(a, b);
        assertEquals(30, ((Remote<?>) a).call());
        byte[] four = withPrefix(StatelessTasks.toBytes(capturing(4), IGNORE));
        assertEquals(40, ((Remote<?>) decode(engine, four)).call());
        assertEquals(3, ((Remote<?>) decode(engine,
            withPrefix(StatelessTasks.toBytes(new Add(1, 2), IGNORE)))).call());
    }

    @Test
    void stateATaskChangesOnAnEngineDoesNotCarryOverToTheNextCall() throws Exception {
        java.util.ArrayList<Integer> seen = new java.util.ArrayList<>();
        Remote<Integer> append = () -> {
            seen.add(1);
            return seen.size();
        };
        byte[] message = withPrefix(StatelessTasks.toBytes(append, IGNORE));
        StatelessTasks engine = new StatelessTasks();
        for (int call = 0; call < 3; call++) {
            assertEquals(1, ((Remote<?>) decode(engine, message))
                .call());
        }
    }

    @Test
    void aTaskThatCannotBeSerializedStillSaysWhy() {
        Object lock = new Object();
        Remote<String> task = () -> lock.toString();
        NotSerializableException e = assertThrows(NotSerializableException.class,
            () -> StatelessTasks.toBytes(task, IGNORE));
        assertEquals("java.lang.Object", e.getMessage());
    }
}
