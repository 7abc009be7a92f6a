package org.jpar.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files of float64 in C order (what {@code numpy.save}
 * writes for a {@code float64} array), so that data moves between Python and jpar.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Writes the buffer's remaining elements with the given shape (format version 1.0, or 2.0
     * when the header needs it).
     *
     * @throws IllegalArgumentException if the shape does not match the data
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, DoubleBuffer data, int... shape) throws IOException {
        NpyArray array = new NpyArray(data, shape);
        int[] dims = array.shape();
        String shapeText = dims.length == 1 ? dims[0] + ","
            : java.util.Arrays.stream(dims).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(", "));
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + shapeText + "), }";
        int version = dict.length() + ALIGN > 0xffff ? 2 : 1;
        int prefix = MAGIC.length + 2 + (version == 1 ? 2 : 4);
        int padded = (prefix + dict.length() + 1 + ALIGN - 1) / ALIGN * ALIGN;
        String header = dict + " ".repeat(padded - prefix - dict.length() - 1) + "\n";

        ByteBuffer head = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            head.putShort((short) header.length());
        } else {
            head.putInt(header.length());
        }
        head.put(header.getBytes(StandardCharsets.US_ASCII)).flip();

        ByteBuffer body = ByteBuffer.allocateDirect(data.remaining() * Double.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN);
        body.asDoubleBuffer().put(data.duplicate());
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (head.hasRemaining()) {
                out.write(head);
            }
            while (body.hasRemaining()) {
                out.write(body);
            }
        }
    }

    /** Writes an array with the given shape. */
    public static void write(Path file, double[] data, int... shape) throws IOException {
        write(file, DoubleBuffer.wrap(data), shape);
    }

    /**
     * Reads a float64 {@code .npy} file into a direct, native-order buffer.
     *
     * @throws IOException if the file cannot be read, is not an {@code .npy} file, holds another
     *     dtype, is in Fortran order, or is shorter than its header says
     */
    public static NpyArray read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer prefix = readFully(in, MAGIC.length + 2, file);
            for (int i = 0; i < MAGIC.length; i++) {
                if (prefix.get(i) != MAGIC[i]) {
                    throw new IOException("not a .npy file (bad magic): " + file);
                }
            }
            int major = prefix.get(MAGIC.length);
            if (major < 1 || major > 3) {
                throw new IOException("unsupported .npy version " + major + ": " + file);
            }
            ByteBuffer lengthField = readFully(in, major == 1 ? 2 : 4, file)
                .order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1 ? Short.toUnsignedInt(lengthField.getShort(0))
                : Integer.toUnsignedLong(lengthField.getInt(0));
            if (headerLength > 1 << 20) {
                throw new IOException("unreasonable .npy header length " + headerLength + ": " + file);
            }
            ByteBuffer headerBytes = readFully(in, (int) headerLength, file);
            String header = StandardCharsets.ISO_8859_1.decode(headerBytes).toString();

            String descr = group(DESCR, header, "descr", file);
            ByteOrder order = switch (descr) {
                case "<f8", "=f8" -> ByteOrder.LITTLE_ENDIAN;
                case ">f8" -> ByteOrder.BIG_ENDIAN;
                default -> throw new IOException("only float64 .npy files are supported: descr="
                    + descr + ", file=" + file);
            };
            if (group(ORDER, header, "fortran_order", file).equals("True")) {
                throw new IOException("Fortran-order .npy files are not supported: " + file);
            }
            int[] shape = parseShape(group(SHAPE, header, "shape", file), file);
            long elements = 1;
            for (int d : shape) {
                elements *= d;
            }
            if (elements * Double.BYTES > Integer.MAX_VALUE) {
                throw new IOException("array too large for one buffer: elements=" + elements);
            }
            ByteBuffer body = ByteBuffer.allocateDirect((int) elements * Double.BYTES);
            while (body.hasRemaining()) {
                if (in.read(body) < 0) {
                    throw new IOException("truncated .npy data: expected " + elements
                        + " doubles in " + file);
                }
            }
            body.flip();
            DoubleBuffer data;
            if (order == ByteOrder.nativeOrder()) {
                data = body.order(ByteOrder.nativeOrder()).asDoubleBuffer();
            } else {
                ByteBuffer swapped = ByteBuffer.allocateDirect(body.capacity())
                    .order(ByteOrder.nativeOrder());
                swapped.asDoubleBuffer().put(body.order(order).asDoubleBuffer());
                data = swapped.asDoubleBuffer();
            }
            return new NpyArray(data, shape);
        }
    }

    private static ByteBuffer readFully(FileChannel in, int length, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (in.read(b) < 0) {
                throw new IOException("truncated .npy header: " + file);
            }
        }
        return b.flip();
    }

    private static String group(Pattern p, String header, String key, Path file) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(".npy header lacks '" + key + "': " + file);
        }
        return m.group(1);
    }

    private static int[] parseShape(String text, Path file) throws IOException {
        String[] parts = text.split(",");
        int n = 0;
        int[] dims = new int[parts.length];
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                dims[n++] = Integer.parseInt(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new IOException("bad .npy shape (" + text + "): " + file, e);
            }
        }
        return java.util.Arrays.copyOf(dims, n);
    }
}
