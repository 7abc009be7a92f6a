package org.jpar.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AbiGenTest {
    private static final Path HEADER = Path.of("..", "native", "include", "jpar.h");

    private static String header(String body) {
        return "#include <stdint.h>\n#define JPAR_NOWAIT\n/* jpar-java: org.example Abi */\n"
            + body;
    }

    @Test
    void mapsTheHeadersConventions() throws Exception {
        AbiGen.Abi abi = AbiGen.parse(header("""
            #define JPAR_ANSWER (-42)
            enum { JPAR_A = 0, JPAR_B = 7 };
            typedef void (*jpar_cb)(int64_t task, int32_t worker);
            /* Sends.
               Over two lines. */
            int jpar_send(const void *buf, int32_t count,
                          int64_t comm);
            JPAR_NOWAIT double jpar_now(void);
            int jpar_start(jpar_cb callback, int64_t *out_handle);
            /* jpar-java: org.example.other Other public */
            int jpar_other(void);
            /* jpar-java: none */
            void jpar_c_only(int32_t x);
            """));
        assertEquals(List.of("jpar_send", "jpar_now", "jpar_start", "jpar_other", "jpar_c_only"),
            abi.allFunctions());
        assertFalse(abi.groups().get(0).isPublic());
        assertTrue(abi.groups().get(1).isPublic());
        assertTrue(AbiGen.javaInterface(abi.groups().get(1)).contains("public interface Other {"));
        assertTrue(AbiGen.javaInterface(abi.groups().get(0)).contains("\ninterface Abi {"));
        assertEquals(-42L, abi.constants().get("ANSWER"));
        assertEquals(7L, abi.constants().get("B"));
        AbiGen.Group g = abi.groups().get(0);
        assertEquals("org.example", g.pkg());
        assertEquals(3, g.functions().size());
        AbiGen.Function send = g.functions().get(0);
        assertEquals(List.of(new AbiGen.Param("long", "buf"), new AbiGen.Param("int", "count"),
            new AbiGen.Param("long", "comm")), send.params());
        assertFalse(send.noWait());
        assertTrue(g.functions().get(1).noWait());
        assertEquals("double", g.functions().get(1).javaReturn());
        assertEquals(List.of(new AbiGen.Param("long", "callback"),
            new AbiGen.Param("long", "outHandle")), g.functions().get(2).params());
    }

    @Test
    void refusesWhatItCannotMapAndNamesIt() {
        String[][] cases = {
            {"int jpar_f(int count);", "jpar_f: cannot map the parameter type 'int' of count"},
            {"long jpar_f(void);", "jpar_f: cannot map the result type 'long'"},
            {"int other_f(void);", "functions must be named jpar_*"},
            {"int jpar_f(struct s x);", "jpar_f: cannot map the parameter"},
            {"typedef int32_t count_t;", "only function-pointer typedefs"},
            {"int jpar_f(void)", "without ';'"},
        };
        for (String[] c : cases) {
            AbiGen.AbiException e = assertThrows(AbiGen.AbiException.class,
                () -> AbiGen.parse(header(c[0])), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
        AbiGen.AbiException e = assertThrows(AbiGen.AbiException.class,
            () -> AbiGen.parse("int jpar_f(void);\n"));
        assertTrue(e.getMessage().contains("no jpar-java group before jpar_f"), e.getMessage());
    }

    @Test
    void generatesCompilableSourcesForJparH(@org.junit.jupiter.api.io.TempDir Path out)
            throws Exception {
        AbiGen.Abi abi = AbiGen.parse(Files.readString(HEADER));
        Path stale = out.resolve("java/org/jpar/old/MovedAbi.java");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "stale");
        AbiGen.write(abi, out, HEADER.toString());
        assertFalse(Files.exists(stale), "a file the header no longer makes is deleted");
        String mpi = Files.readString(out.resolve("java22/org/jpar/mpi/binding/FfmMpiAbi.java"));
        assertTrue(mpi.contains("Downcalls.handle(\"jpar_comm_rank\", true,"), mpi);
        assertTrue(mpi.contains("Downcalls.handle(\"jpar_recv\", false,"), mpi);
        String constants = Files.readString(out.resolve("java/org/jpar/internal/JparH.java"));
        assertTrue(constants.contains("public static final int STATUS_BYTES = 3;"), constants);
    }

    /** Each shim exports exactly the functions the header declares, nothing else. */
    @Test
    void everyShimExportsExactlyTheHeadersFunctions() throws Exception {
        Path dir = Path.of("target", "classes", System.getProperty("jpar.jnaPlatform",
            "linux-x86-64"));
        Set<String> declared = new TreeSet<>(AbiGen.parse(Files.readString(HEADER)).allFunctions());
        int shims = 0;
        for (String mpi : List.of("openmpi", "mpich")) {
            Path lib = dir.resolve("libjpar-" + mpi + ".so");
            if (mpi.equals("openmpi") || Files.isRegularFile(lib)) {
                assertEquals(declared, exported(lib), lib.toString());
                shims++;
            }
        }
        assertTrue(shims >= 1);
    }

    private static Set<String> exported(Path lib) throws Exception {
        assertTrue(Files.isRegularFile(lib), "built by CMake before the tests: " + lib);
        Process nm = new ProcessBuilder("nm", "-D", "--defined-only", lib.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<String> exported = new TreeSet<>();
        for (String line : new String(nm.getInputStream().readAllBytes()).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[1].equals("T")) {
                exported.add(parts[2]);
            }
        }
        assertEquals(0, nm.waitFor());
        return exported;
    }
}
