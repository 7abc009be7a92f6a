package org.jpar.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Classes that exist in one class loader of a test only, as jshell's snippets do: compiled from
 * source in memory, defined by a {@link Loader} that also serves their class files.
 */
public final class ClassBytes {
    private ClassBytes() {
    }

    /**
     * Compiles {@code source}, the text of the compilation unit {@code path} (such as
     * {@code "shipped/Tasks.java"}), against jpar's classes; returns each class file by binary
     * name.
     */
    public static Map<String, byte[]> compile(String path, String source) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, byte[]> out = new ConcurrentHashMap<>();
        StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
        ForwardingJavaFileManager<StandardJavaFileManager> memory =
            new ForwardingJavaFileManager<>(files) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String className,
                                                           JavaFileObject.Kind kind,
                                                           FileObject sibling) {
                    return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"),
                        kind) {
                        @Override
                        public OutputStream openOutputStream() {
                            return new ByteArrayOutputStream() {
                                @Override
                                public void close() {
                                    out.put(className, toByteArray());
                                }
                            };
                        }
                    };
                }
            };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + path),
            JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreErrors) {
                return source;
            }
        };
        String jpar = Path.of(org.jpar.cluster.Remote.class.getProtectionDomain().getCodeSource()
            .getLocation().toURI()).toString();
        List<String> options = List.of("-classpath", jpar + File.pathSeparator
            + System.getProperty("java.class.path"), "--release", "17");
        if (!javac.getTask(null, memory, null, options, null, List.of(unit)).call()) {
            throw new IllegalStateException("the test source does not compile: " + path);
        }
        return out;
    }

    /**
     * Defines classes from {@code classes} and serves class files from {@link #resources()},
     * which start as the same bytes and which a test may change (a redefinition, a class file
     * the loader does not give out, a broken one).
     */
    public static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private final Map<String, byte[]> resources;

        public Loader(Map<String, byte[]> classes) {
            super(Loader.class.getClassLoader());
            this.classes = Map.copyOf(classes);
            this.resources = new ConcurrentHashMap<>(classes);
        }

        /** Class files by binary name, as {@link #getResourceAsStream} gives them out. */
        public Map<String, byte[]> resources() {
            return resources;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (name.endsWith(".class")) {
                String binary = name.substring(0, name.length() - 6).replace('/', '.');
                if (classes.containsKey(binary)) {
                    byte[] bytes = resources.get(binary);
                    return bytes == null ? null : new ByteArrayInputStream(bytes);
                }
            }
            return super.getResourceAsStream(name);
        }
    }
}
