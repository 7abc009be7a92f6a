package org.jpar.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpar.testing.ClassBytes;
import org.junit.jupiter.api.Test;

/**
 * Classes the engines cannot resolve come from the client: here they live in one class loader
 * of the test, as jshell's snippets live in jshell's, and local engines ask for them.
 */
class ClassShippingTest {
    private static final String TASKS = """
        package shipped;
        import org.jpar.cluster.Remote;
        public class Tasks {
            public static Remote<String> greet(String who) {
                Point p = new Point(2, 3);
                return () -> Helper.text() + " " + who + " " + p.sum();
            }
        }
        class Helper {
            static String text() { return "VERSION"; }
        }
        record Point(int x, int y) implements java.io.Serializable {
            int sum() { return x + y; }
        }
        """;

    @SuppressWarnings("unchecked")
    private static <R> Remote<R> task(ClassLoader loader, String type, String method,
                                      Object... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        return (Remote<R>) loader.loadClass(type).getMethod(method, types).invoke(null, args);
    }

    @Test
    void enginesGetTheClassesOfATaskOnceAndPickUpARedefinition() throws Exception {
        ClassBytes.Loader loader = new ClassBytes.Loader(
            ClassBytes.compile("shipped/Tasks.java", TASKS.replace("VERSION", "v1")));
        Remote<String> greet = task(loader, "shipped.Tasks", "greet", "jshell");
        try (Client client = Cluster.local(2)) {
            assertEquals(List.of("v1 jshell 5", "v1 jshell 5"), client.all().applySync(greet));
            int sent = client.classSource().sent();
            // The lambda's class, Helper and Point, to each engine.
            assertEquals(6, sent);
            assertEquals(List.of("v1 jshell 5", "v1 jshell 5"), client.all().applySync(greet));
            assertEquals(sent, client.classSource().sent(), "a class goes once per engine");

            // jshell redefines a changed class under its old name; here the loader hands out
            // new bytes for Helper, and the engines run them.
            loader.resources().put("shipped.Helper", ClassBytes.compile("shipped/Tasks.java",
                TASKS.replace("VERSION", "v2")).get("shipped.Helper"));
            assertEquals(List.of("v2 jshell 5", "v2 jshell 5"), client.all().applySync(greet));
            assertEquals("v2 jshell 5", client.loadBalancedView().applySync(greet));
        }
    }

    @Test
    void theStaticFieldsOfShippedClassesTravelWithEachTask() throws Exception {
        // jshell keeps a variable such as "int offset = 100" in a static field of its snippet.
        ClassBytes.Loader loader = new ClassBytes.Loader(ClassBytes.compile("vars/Snippet.java", """
            package vars;
            public class Snippet {
                public static int offset;
                public static StringBuilder label;
                public static Object client;
                public static org.jpar.cluster.Remote<String> task() {
                    return () -> label + " " + (offset + 1) + " " + client;
                }
            }
            """));
        Class<?> snippet = loader.loadClass("vars.Snippet");
        snippet.getField("offset").setInt(null, 100);
        snippet.getField("label").set(null, new StringBuilder("first"));
        snippet.getField("client").set(null, new Object());
        Remote<String> task = task(loader, "vars.Snippet", "task");
        try (Client client = Cluster.local(2)) {
            // What cannot be serialized (here an Object) stays unset on the engines.
            assertEquals(List.of("first 101 null", "first 101 null"),
                client.all().applySync(task));
            snippet.getField("offset").setInt(null, 200);
            ((StringBuilder) snippet.getField("label").get(null)).append(" changed");
            assertEquals(List.of("first changed 201 null", "first changed 201 null"),
                client.all().applySync(task));
        }
    }

    @Test
    void aClassTheClientCannotProvideIsNamedAndTheEngineServesOn() throws Exception {
        ClassBytes.Loader loader = new ClassBytes.Loader(ClassBytes.compile("hidden/Task.java", """
            package hidden;
            public class Task implements org.jpar.cluster.Remote<Integer> {
                public static Task make() { return new Task(); }
                public Integer call() { return 1; }
            }
            """));
        loader.resources().remove("hidden.Task");
        Remote<Integer> task = task(loader, "hidden.Task", "make");
        try (Client client = Cluster.local(1)) {
            RemoteException e = assertThrows(RemoteException.class,
                () -> client.engine(0).applySync(task));
            assertTrue(e.getMessage().contains("ClassNotFoundException: hidden.Task"),
                e::getMessage);
            assertEquals(2, client.engine(0).applySync(() -> 2));
        }
    }

    @Test
    void aClassThatFailsVerificationIsReportedAndTheEngineServesOn() throws Exception {
        Map<String, byte[]> classes = ClassBytes.compile("broken/Seven.java", """
            package broken;
            public class Seven implements org.jpar.cluster.Remote<Integer> {
                public static Seven make() { return new Seven(); }
                public Integer call() { return seven(); }
                static int seven() { return 7; }
            }
            """);
        ClassBytes.Loader loader = new ClassBytes.Loader(classes);
        Remote<Integer> task = task(loader, "broken.Seven", "make");
        assertEquals(7, task.call());
        // What the engines get: seven() returns its int with areturn, which the verifier refuses.
        byte[] broken = classes.get("broken.Seven").clone();
        int at = indexOf(broken, new byte[] {0x10, 0x07, (byte) 0xac});
        broken[at + 2] = (byte) 0xb0;
        loader.resources().put("broken.Seven", broken);
        try (Client client = Cluster.local(1)) {
            RemoteException e = assertThrows(RemoteException.class,
                () -> client.engine(0).applySync(task));
            assertTrue(e.getMessage().contains("VerifyError"), e::getMessage);
            assertTrue(e.engineStackTrace().contains("broken/Seven"), e::engineStackTrace);
            assertEquals(3, client.engine(0).applySync(() -> 3));
        }
    }

    @Test
    void theEngineFilterRefusesAClassByName() throws Exception {
        System.setProperty(TaskFilter.PROPERTY, "!java.util.ArrayList");
        Client client;
        try {
            client = Cluster.local(1);
        } finally {
            System.clearProperty(TaskFilter.PROPERTY);
        }
        try (client) {
            ArrayList<Integer> list = new ArrayList<>(List.of(1, 2));
            RemoteException e = assertThrows(RemoteException.class,
                () -> client.engine(0).applySync(() -> list.size()));
            assertTrue(e.getMessage().contains("java.util.ArrayList"), e::getMessage);
            assertTrue(e.getMessage().contains("the engine's filter refused it"
                + " (jpar.cluster.filter=!java.util.ArrayList)"), e::getMessage);
            List<Integer> other = List.of(1, 2, 3);
            assertEquals(3, client.engine(0).applySync(() -> other.size()));
        }
    }

    @Test
    void tasksAndFunctionsMayThrowCheckedExceptions() throws Exception {
        try (Client client = Cluster.local(2)) {
            // The seed's dummy_task, with no try/catch around the sleep.
            RemoteFunction<Integer, Integer> nap = millis -> {
                Thread.sleep(millis);
                return millis;
            };
            assertEquals(List.of(1, 2, 3), client.loadBalancedView().map(nap, List.of(1, 2, 3)));
            assertEquals(List.of(4, 5), client.all().map(nap, List.of(4, 5)));
            RemoteException e = assertThrows(RemoteException.class,
                () -> client.engine(1).applySync(() -> {
                    throw new IOException("no disk");
                }));
            assertInstanceOf(IOException.class, e.getCause());
            assertEquals("no disk", e.getCause().getMessage());
            assertTrue(e.engineStackTrace().contains("java.io.IOException: no disk"),
                e::engineStackTrace);
            RemoteFunction<Integer, Integer> picky = x -> {
                if (x == 2) {
                    throw new Exception("not two");
                }
                return x;
            };
            RemoteException m = assertThrows(RemoteException.class,
                () -> client.all().map(picky, List.of(1, 2)));
            assertEquals("not two", m.getCause().getMessage());
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0,
                    needle.length)) {
                return i;
            }
        }
        throw new AssertionError("no such bytes in the class file");
    }
}
