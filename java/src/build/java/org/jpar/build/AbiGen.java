package org.jpar.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates jpar's Java bindings from {@code native/include/jpar.h}, the one source of truth for
 * libjpar's ABI. Maven runs it before compiling ({@code java AbiGen.java HEADER OUTDIR}); it
 * writes, for each binding group of the header, a Java interface, its JNA direct-mapping class
 * and its FFM downcall class (under {@code OUTDIR/java22}), and the header's integer constants
 * as {@code org.jpar.internal.JparH}.
 *
 * <p>It knows the header's conventions and refuses, naming the declaration, anything else:
 * <ul>
 *   <li>a comment that is just {@code jpar-java: PACKAGE NAME [public]} starts a group bound
 *       as interface NAME (public when other packages call it; internal to jpar all the same);
 *       {@code jpar-java: none} starts declarations that are not bound;</li>
 *   <li>functions are named {@code jpar_*}; parameters are {@code int32_t}, {@code int64_t},
 *       {@code double}, pointers or function-pointer typedefs (all addresses, Java {@code long});
 *       results are {@code int}, {@code int32_t}, {@code int64_t}, {@code double} or
 *       {@code void};</li>
 *   <li>{@code JPAR_NOWAIT} before a declaration marks a function that returns at once, which
 *       FFM may call as a critical downcall;</li>
 *   <li>{@code #define JPAR_X n} and enum members {@code JPAR_X = n} are constants.</li>
 * </ul>
 */
public final class AbiGen {
    /** A declaration the generator cannot map. */
    public static final class AbiException extends Exception {
        private static final long serialVersionUID = 1L;

        AbiException(String message) {
            super(message);
        }
    }

    /** A C parameter: its Java type ({@code int}, {@code long}, {@code double}) and name. */
    public record Param(String javaType, String name) {
    }

    /** A bound C function. */
    public record Function(String name, String javaReturn, List<Param> params, boolean noWait,
                           String declaration) {
    }

    /**
     * Functions bound as one Java interface {@code pkg.name}, public when code of other packages
     * calls it.
     */
    public record Group(String pkg, String name, boolean isPublic, List<Function> functions) {
    }

    /** What a header declares: its binding groups, every function name, and its constants. */
    public record Abi(List<Group> groups, List<String> allFunctions, Map<String, Long> constants) {
    }

    private static final Pattern GROUP = Pattern.compile(
        "\\s*jpar-java:\\s*(\\S+)(?:\\s+(\\S+))?(\\s+public)?\\s*");
    private static final Pattern DEFINE = Pattern.compile(
        "#define\\s+JPAR_(\\w+)\\s+\\(?\\s*(-?\\d+)\\s*\\)?\\s*");
    private static final Pattern ENUM_MEMBER = Pattern.compile("JPAR_(\\w+)\\s*=\\s*(-?\\d+)");
    private static final Pattern FUNCTION = Pattern.compile(
        "(JPAR_NOWAIT\\s+)?([\\w\\s]+?)\\s*\\b(\\w+)\\s*\\((.*)\\)");
    private static final Pattern FUNCTION_POINTER = Pattern.compile(
        "typedef\\s+[\\w\\s*]+\\(\\s*\\*\\s*(\\w+)\\s*\\)\\s*\\(.*\\)");
    private static final Map<String, String> RESULTS = Map.of("int", "int", "int32_t", "int",
        "int64_t", "long", "double", "double", "void", "void");
    private static final Map<String, String> VALUES = Map.of("int32_t", "int", "int64_t", "long",
        "double", "double");

    private AbiGen() {
    }

    /** {@code java AbiGen.java HEADER OUTDIR}; exits 1 with the reason when it cannot map. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java AbiGen.java native/include/jpar.h OUTDIR");
            System.exit(2);
        }
        try {
            Abi abi = parse(Files.readString(Path.of(args[0])));
            write(abi, Path.of(args[1]), args[0]);
        } catch (AbiException e) {
            System.err.println("AbiGen: " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Reads a header in jpar.h's conventions. */
    public static Abi parse(String header) throws AbiException {
        List<Group> groups = new ArrayList<>();
        List<String> all = new ArrayList<>();
        Map<String, Long> constants = new LinkedHashMap<>();
        Set<String> pointerTypes = new java.util.HashSet<>();
        Group group = null;
        boolean inGroup = false;
        StringBuilder statement = new StringBuilder();
        int depth = 0;
        int cplusplus = 0;
        String[] lines = header.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                if (trimmed.startsWith("#ifdef __cplusplus")) {
                    cplusplus++;
                } else if (cplusplus > 0 && trimmed.startsWith("#endif")) {
                    cplusplus--;
                } else if (cplusplus == 0) {
                    Matcher d = DEFINE.matcher(stripComments(trimmed).strip());
                    if (d.matches()) {
                        constants.put(d.group(1), Long.parseLong(d.group(2)));
                    }
                }
                continue;
            }
            if (cplusplus > 0) {
                continue;
            }
            // Comments: group markers take effect where they stand; the rest is dropped.
            StringBuilder code = new StringBuilder();
            int at = 0;
            while (at < line.length()) {
                int open = line.indexOf("/*", at);
                int slashes = line.indexOf("//", at);
                if (slashes >= 0 && (open < 0 || slashes < open)) {
                    code.append(line, at, slashes);
                    break;
                }
                if (open < 0) {
                    code.append(line.substring(at));
                    break;
                }
                code.append(line, at, open).append(' ');
                StringBuilder comment = new StringBuilder();
                int close = line.indexOf("*/", open + 2);
                if (close >= 0) {
                    comment.append(line, open + 2, close);
                    at = close + 2;
                } else {
                    comment.append(line.substring(open + 2));
                    while (++i < lines.length && !lines[i].contains("*/")) {
                        comment.append('\n').append(lines[i]);
                    }
                    if (i >= lines.length) {
                        throw new AbiException("unterminated comment");
                    }
                    int end = lines[i].indexOf("*/");
                    comment.append('\n').append(lines[i], 0, end);
                    line = lines[i];
                    at = end + 2;
                }
                Matcher g = GROUP.matcher(comment);
                if (g.matches()) {
                    if (statement.toString().strip().length() > 0) {
                        throw new AbiException("a jpar-java marker inside a declaration: "
                            + statement.toString().strip());
                    }
                    inGroup = true;
                    if (g.group(1).equals("none")) {
                        group = null;
                    } else if (g.group(2) == null) {
                        throw new AbiException("jpar-java wants a package and a name, or none: "
                            + g.group());
                    } else {
                        group = new Group(g.group(1), g.group(2), g.group(3) != null,
                            new ArrayList<>());
                        groups.add(group);
                    }
                }
            }
            for (char c : code.toString().toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                if (c == ';' && depth == 0) {
                    String s = statement.toString().replaceAll("\\s+", " ").strip();
                    statement.setLength(0);
                    declaration(s, inGroup, group, all, constants, pointerTypes);
                } else {
                    statement.append(c);
                }
            }
            statement.append(' ');
        }
        if (!statement.toString().isBlank()) {
            throw new AbiException("a declaration without ';' at the end: "
                + statement.toString().strip());
        }
        return new Abi(groups, all, constants);
    }

    private static String stripComments(String line) {
        return line.replaceAll("/\\*.*?\\*/", " ").replaceAll("//.*", "");
    }

    private static void declaration(String s, boolean inGroup, Group group, List<String> all,
                                    Map<String, Long> constants, Set<String> pointerTypes)
            throws AbiException {
        if (s.startsWith("enum")) {
            Matcher m = ENUM_MEMBER.matcher(s);
            while (m.find()) {
                constants.put(m.group(1), Long.parseLong(m.group(2)));
            }
            return;
        }
        if (s.startsWith("typedef")) {
            Matcher m = FUNCTION_POINTER.matcher(s);
            if (!m.matches()) {
                throw new AbiException("only function-pointer typedefs can be mapped: " + s);
            }
            pointerTypes.add(m.group(1));
            return;
        }
        Matcher m = FUNCTION.matcher(s);
        if (!m.matches()) {
            throw new AbiException("not a function declaration: " + s);
        }
        String name = m.group(3);
        if (!name.startsWith("jpar_")) {
            throw new AbiException("functions must be named jpar_*: " + s);
        }
        if (!inGroup) {
            throw new AbiException("no jpar-java group before " + name);
        }
        String result = RESULTS.get(m.group(2).strip());
        if (result == null) {
            throw new AbiException(name + ": cannot map the result type '" + m.group(2).strip()
                + "' (int, int32_t, int64_t, double or void)");
        }
        List<Param> params = new ArrayList<>();
        String list = m.group(4).strip();
        if (!list.equals("void") && !list.isEmpty()) {
            for (String p : list.split(",")) {
                params.add(param(name, p.strip(), pointerTypes));
            }
        }
        all.add(name);
        if (group != null) {
            group.functions().add(new Function(name, result, params, m.group(1) != null, s));
        }
    }

    private static Param param(String function, String p, Set<String> pointerTypes)
            throws AbiException {
        Matcher m = Pattern.compile("(?:const\\s+)?(\\w+)\\s*(\\**)\\s*(\\w+)").matcher(p);
        if (!m.matches()) {
            throw new AbiException(function + ": cannot map the parameter '" + p
                + "' (a named int32_t, int64_t, double, pointer or function-pointer typedef)");
        }
        String name = camel(m.group(3));
        if (!m.group(2).isEmpty() || pointerTypes.contains(m.group(1))) {
            return new Param("long", name);
        }
        String type = VALUES.get(m.group(1));
        if (type == null) {
            throw new AbiException(function + ": cannot map the parameter type '" + m.group(1)
                + "' of " + m.group(3) + " (int32_t, int64_t, double, a pointer or a "
                + "function-pointer typedef)");
        }
        return new Param(type, name);
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    // ----------------------------------------------------------------------------- output

    /**
     * Writes every generated source under {@code out} and deletes any other file there, so that
     * a group renamed or moved in the header leaves no stale class behind.
     */
    public static void write(Abi abi, Path out, String headerName) throws IOException {
        String stamp = "// Generated by AbiGen from " + Path.of(headerName).getFileName()
            + ": edit the header, not this file.\n";
        Map<Path, String> files = new LinkedHashMap<>();
        for (Group g : abi.groups()) {
            Path dir = out.resolve("java").resolve(g.pkg().replace('.', '/'));
            Path dir22 = out.resolve("java22").resolve(g.pkg().replace('.', '/'));
            files.put(dir.resolve(g.name() + ".java"), stamp + javaInterface(g));
            files.put(dir.resolve("Jna" + g.name() + ".java"), stamp + jnaClass(g));
            files.put(dir22.resolve("Ffm" + g.name() + ".java"), stamp + ffmClass(g));
        }
        files.put(out.resolve("java/org/jpar/internal/JparH.java"),
            stamp + constants(abi.constants()));
        if (Files.isDirectory(out)) {
            try (var walk = Files.walk(out)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    if (!files.containsKey(f)) {
                        Files.delete(f);
                    }
                }
            }
        }
        for (Map.Entry<Path, String> f : files.entrySet()) {
            writeIfChanged(f.getKey(), f.getValue());
        }
    }

    /** Leaves an unchanged file alone, so that an incremental build recompiles nothing. */
    private static void writeIfChanged(Path file, String text) throws IOException {
        if (Files.exists(file) && Files.readString(file).equals(text)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String signature(Function f) {
        StringBuilder s = new StringBuilder(f.javaReturn()).append(' ').append(f.name()).append('(');
        for (int i = 0; i < f.params().size(); i++) {
            Param p = f.params().get(i);
            s.append(i > 0 ? ", " : "").append(p.javaType()).append(' ').append(p.name());
        }
        return s.append(')').toString();
    }

    static String javaInterface(Group g) {
        StringBuilder s = new StringBuilder("package " + g.pkg() + ";\n\n"
            + "import java.lang.invoke.MethodHandles;\n"
            + "import org.jpar.internal.BindingChoice;\n\n"
            + "/**\n * A group of libjpar's functions (jpar.h), one method per C function:"
            + " addresses are\n * {@code long}, and each returns what the C function returns."
            + " Bound by JNA\n * ({@link Jna" + g.name() + "}) or FFM ({@code Ffm" + g.name()
            + "}, JDK 22+), as {@link BindingChoice} picks."
            + (g.isPublic() ? " Internal to jpar: public\n * only so that its packages can share it."
                : "") + "\n */\n"
            + (g.isPublic() ? "public " : "") + "interface " + g.name() + " {\n"
            + "    /**\n     * The binding this JVM uses, loaded once.\n     *\n"
            + "     * @throws UnsatisfiedLinkError if libjpar.so cannot load\n     */\n"
            + "    static " + g.name() + " load() {\n"
            + "        return BindingChoice.load(" + g.name() + ".class, MethodHandles.lookup(), Jna"
            + g.name() + "::load);\n    }\n");
        for (Function f : g.functions()) {
            s.append("\n    /** {@code ").append(f.declaration()).append("} */\n    ")
                .append(signature(f)).append(";\n");
        }
        return s.append("}\n").toString();
    }

    static String jnaClass(Group g) {
        StringBuilder s = new StringBuilder("package " + g.pkg() + ";\n\n"
            + "import org.jpar.internal.NativeLoader;\n\n"
            + "/** The JNA direct-mapping binding of {@link " + g.name() + "}. */\n"
            + "final class Jna" + g.name() + " implements " + g.name() + " {\n"
            + "    private Jna" + g.name() + "() {\n    }\n\n"
            + "    /** Registers the natives; BindingChoice calls it until it succeeds once. */\n"
            + "    static " + g.name() + " load() {\n"
            + "        NativeLoader.register(Jna" + g.name() + ".class);\n"
            + "        return new Jna" + g.name() + "();\n    }\n");
        for (Function f : g.functions()) {
            s.append("\n    @Override\n    public native ").append(signature(f)).append(";\n");
        }
        return s.append("}\n").toString();
    }

    private static String layout(String javaType) {
        return switch (javaType) {
            case "int" -> "JAVA_INT";
            case "long" -> "JAVA_LONG";
            case "double" -> "JAVA_DOUBLE";
            default -> throw new IllegalArgumentException(javaType);
        };
    }

    static String ffmClass(Group g) {
        StringBuilder s = new StringBuilder("package " + g.pkg() + ";\n\n"
            + "import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;\n"
            + "import static java.lang.foreign.ValueLayout.JAVA_INT;\n"
            + "import static java.lang.foreign.ValueLayout.JAVA_LONG;\n\n"
            + "import java.lang.foreign.FunctionDescriptor;\n"
            + "import java.lang.invoke.MethodHandle;\n"
            + "import org.jpar.internal.Downcalls;\n\n"
            + "/**\n * The FFM binding of {@link " + g.name() + "} (JDK 22+): one downcall handle per"
            + " function,\n * critical only for the header's JPAR_NOWAIT functions.\n */\n"
            + "@SuppressWarnings(\"unused\")\n"
            + "final class Ffm" + g.name() + " implements " + g.name() + " {\n");
        for (Function f : g.functions()) {
            List<String> layouts = new ArrayList<>();
            for (Param p : f.params()) {
                layouts.add(layout(p.javaType()));
            }
            String descriptor = f.javaReturn().equals("void")
                ? "FunctionDescriptor.ofVoid(" + String.join(", ", layouts) + ")"
                : "FunctionDescriptor.of(" + String.join(", ",
                    concat(layout(f.javaReturn()), layouts)) + ")";
            s.append("    private static final MethodHandle ").append(f.name().toUpperCase())
                .append(" = Downcalls.handle(\"").append(f.name()).append("\", ")
                .append(f.noWait()).append(",\n        ").append(descriptor).append(");\n");
        }
        s.append("\n    Ffm").append(g.name()).append("() {\n    }\n");
        for (Function f : g.functions()) {
            List<String> args = new ArrayList<>();
            for (Param p : f.params()) {
                args.add(p.name());
            }
            String invoke = f.name().toUpperCase() + ".invokeExact(" + String.join(", ", args)
                + ")";
            s.append("\n    @Override\n    public ").append(signature(f)).append(" {\n")
                .append("        try {\n            ")
                .append(f.javaReturn().equals("void") ? invoke
                    : "return (" + f.javaReturn() + ") " + invoke)
                .append(";\n        } catch (Throwable t) {\n")
                .append("            throw Downcalls.rethrow(t);\n        }\n    }\n");
        }
        return s.append("}\n").toString();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static String constants(Map<String, Long> constants) {
        StringBuilder s = new StringBuilder("package org.jpar.internal;\n\n"
            + "/**\n * The integer constants of jpar.h, named without their JPAR_ prefix. Internal"
            + " to jpar: public\n * only so that its packages can share it.\n */\n"
            + "public final class JparH {\n");
        for (Map.Entry<String, Long> c : constants.entrySet()) {
            long v = c.getValue();
            boolean fitsInt = v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            s.append("    /** JPAR_").append(c.getKey()).append(". */\n")
                .append("    public static final ").append(fitsInt ? "int " : "long ")
                .append(c.getKey()).append(" = ").append(v).append(fitsInt ? "" : "L")
                .append(";\n");
        }
        return s.append("\n    private JparH() {\n    }\n}\n").toString();
    }
}
