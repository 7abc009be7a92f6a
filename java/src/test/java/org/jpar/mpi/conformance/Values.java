package org.jpar.mpi.conformance;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * Buffers and arrays of every element type, filled and read as longs so that one check covers
 * them all. Floating types hold small integers, so sums and products are exact.
 */
public final class Values {
    /** The element types jpar moves. */
    public enum Type { BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR }

    /** Where the elements live. */
    public enum Kind { DIRECT, HEAP, ARRAY }

    private Values() {
    }

    /** A buffer or array of {@code n} zeros. */
    public static Object make(Type type, Kind kind, int n) {
        if (kind == Kind.ARRAY) {
            return switch (type) {
                case BYTE -> new byte[n];
                case SHORT -> new short[n];
                case INT -> new int[n];
                case LONG -> new long[n];
                case FLOAT -> new float[n];
                case DOUBLE -> new double[n];
                case CHAR -> new char[n];
            };
        }
        int bytes = n * width(type);
        ByteBuffer raw = kind == Kind.DIRECT ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes);
        raw.order(ByteOrder.nativeOrder());
        return switch (type) {
            case BYTE -> raw;
            case SHORT -> kind == Kind.HEAP ? ShortBuffer.allocate(n) : raw.asShortBuffer();
            case INT -> kind == Kind.HEAP ? IntBuffer.allocate(n) : raw.asIntBuffer();
            case LONG -> kind == Kind.HEAP ? LongBuffer.allocate(n) : raw.asLongBuffer();
            case FLOAT -> kind == Kind.HEAP ? FloatBuffer.allocate(n) : raw.asFloatBuffer();
            case DOUBLE -> kind == Kind.HEAP ? DoubleBuffer.allocate(n) : raw.asDoubleBuffer();
            case CHAR -> kind == Kind.HEAP ? CharBuffer.allocate(n) : raw.asCharBuffer();
        };
    }

    /** A buffer or array whose element i is {@code f(i)}. */
    public static Object filled(Type type, Kind kind, int n, java.util.function.IntToLongFunction f) {
        Object buf = make(type, kind, n);
        for (int i = 0; i < n; i++) {
            set(buf, i, f.applyAsLong(i));
        }
        return buf;
    }

    public static int width(Type type) {
        return switch (type) {
            case BYTE -> 1;
            case SHORT, CHAR -> 2;
            case INT, FLOAT -> 4;
            case LONG, DOUBLE -> 8;
        };
    }

    /** Element i counted from index 0 of the storage (not from a buffer's position). */
    public static long get(Object buf, int i) {
        if (buf instanceof ByteBuffer b) return b.get(i);
        if (buf instanceof ShortBuffer b) return b.get(i);
        if (buf instanceof IntBuffer b) return b.get(i);
        if (buf instanceof LongBuffer b) return b.get(i);
        if (buf instanceof FloatBuffer b) return (long) b.get(i);
        if (buf instanceof DoubleBuffer b) return (long) b.get(i);
        if (buf instanceof CharBuffer b) return b.get(i);
        if (buf instanceof byte[] a) return a[i];
        if (buf instanceof short[] a) return a[i];
        if (buf instanceof int[] a) return a[i];
        if (buf instanceof long[] a) return a[i];
        if (buf instanceof float[] a) return (long) a[i];
        if (buf instanceof double[] a) return (long) a[i];
        if (buf instanceof char[] a) return a[i];
        throw new IllegalArgumentException(String.valueOf(buf));
    }

    public static void set(Object buf, int i, long v) {
        if (buf instanceof ByteBuffer b) b.put(i, (byte) v);
        else if (buf instanceof ShortBuffer b) b.put(i, (short) v);
        else if (buf instanceof IntBuffer b) b.put(i, (int) v);
        else if (buf instanceof LongBuffer b) b.put(i, v);
        else if (buf instanceof FloatBuffer b) b.put(i, (float) v);
        else if (buf instanceof DoubleBuffer b) b.put(i, (double) v);
        else if (buf instanceof CharBuffer b) b.put(i, (char) v);
        else if (buf instanceof byte[] a) a[i] = (byte) v;
        else if (buf instanceof short[] a) a[i] = (short) v;
        else if (buf instanceof int[] a) a[i] = (int) v;
        else if (buf instanceof long[] a) a[i] = v;
        else if (buf instanceof float[] a) a[i] = (float) v;
        else if (buf instanceof double[] a) a[i] = (double) v;
        else if (buf instanceof char[] a) a[i] = (char) v;
        else throw new IllegalArgumentException(String.valueOf(buf));
    }

    /** What a value of type {@code type} holds after narrowing {@code v}, as a long. */
    public static long narrow(Type type, long v) {
        return switch (type) {
            case BYTE -> (byte) v;
            case SHORT -> (short) v;
            case INT -> (int) v;
            case LONG -> v;
            case FLOAT -> (long) (float) v;
            case DOUBLE -> (long) (double) v;
            case CHAR -> (char) v;
        };
    }

    public static boolean integral(Type type) {
        return type != Type.FLOAT && type != Type.DOUBLE;
    }

    public static int length(Object buf) {
        return buf instanceof Buffer b ? b.capacity() : java.lang.reflect.Array.getLength(buf);
    }
}
