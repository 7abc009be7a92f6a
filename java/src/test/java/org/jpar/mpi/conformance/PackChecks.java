package org.jpar.mpi.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.jpar.mpi.Datatype;
import org.jpar.mpi.Intracomm;
import org.jpar.mpi.PairBuffer;
import org.jpar.mpi.Request;
import org.jpar.mpi.TypedBuffer;

/**
 * Pack and unpack: several messages one after another in one region of bytes, from and into
 * arrays, buffers and derived types, the bytes crossing as a message of their type, and the bad
 * input refused with the region untouched.
 */
final class PackChecks {
    private PackChecks() {
    }

    static void register(Map<String, Consumer<Intracomm>> checks) {
        checks.put("pack_and_unpack_every_kind", PackChecks::roundTrip);
        checks.put("packed_bytes_are_the_message_layout", PackChecks::asMessages);
        checks.put("bad_packing", PackChecks::bad);
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    /** A 4 x 4 row-major matrix whose element (r, c) is 10 r + c + rank / 100. */
    private static double[] matrix(int rank) {
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            m[i] = 10 * (i / 4) + i % 4 + rank / 100.0;
        }
        return m;
    }

    /** Three messages packed one after another into each kind of region, and back. */
    static void roundTrip(Intracomm c) {
        Datatype column = Datatype.DOUBLE.createVector(4, 1, 4).commit();
        int[] ints = {c.rank(), -7, Integer.MAX_VALUE};
        DoubleBuffer pair = direct(16).asDoubleBuffer().put(0, 0.5).put(1, -1.5);
        double[] m = matrix(c.rank());
        TypedBuffer secondColumn = TypedBuffer.of(DoubleBuffer.wrap(m).position(1), 1, column);
        int total = 12 + 16 + 32;
        Check.equal(total, c.packSize(3, Datatype.INT) + c.packSize(2, Datatype.DOUBLE)
            + c.packSize(1, column), "packSize of the three");
        Object[] regions = {new byte[total + 5], direct(total + 5).position(5),
            ByteBuffer.allocate(total + 9).order(ByteOrder.nativeOrder()).position(9)};
        for (Object region : regions) {
            String what = "region " + region.getClass().getSimpleName();
            int at = c.pack(ints, region, 0);
            Check.equal(12, at, what + ": position after the ints");
            at = c.pack(pair, region, at);
            Check.equal(28, at, what + ": position after the doubles");
            at = c.pack(secondColumn, region, at);
            Check.equal(total, at, what + ": position after the column");

            int[] intsBack = new int[3];
            DoubleBuffer pairBack = direct(16).asDoubleBuffer();
            double[] columnBack = new double[16];
            at = c.unpack(region, 0, intsBack);
            at = c.unpack(region, at, pairBack);
            at = c.unpack(region, at, TypedBuffer.of(columnBack, 1, column));
            Check.equal(total, at, what + ": position after unpacking");
            Check.isTrue(Arrays.equals(ints, intsBack), what + ": ints " + Arrays.toString(intsBack));
            Check.equal(0.5, pairBack.get(0), what + ": first double");
            Check.equal(-1.5, pairBack.get(1), what + ": second double");
            for (int r = 0; r < 4; r++) {
                Check.equal(m[4 * r + 1], columnBack[4 * r], what + ": column row " + r);
                Check.equal(0.0, columnBack[4 * r + 1], what + ": between the rows " + r);
            }
        }
        Check.equal(0, c.pack(new int[0], new byte[0], 0), "nothing packs into nothing");
        column.free();
    }

    /**
     * Packed structs sent as bytes arrive as the struct, and a column sent as its type unpacks
     * from the bytes received: the packed layout is the message's.
     */
    static void asMessages(Intracomm c) {
        Datatype record = Datatype.createStruct(new int[] {1, 1}, new long[] {0, 8},
            new Datatype[] {Datatype.INT, Datatype.DOUBLE}).commit();
        Datatype column = Datatype.DOUBLE.createVector(4, 1, 4).commit();
        int to = (c.rank() + 1) % c.size();
        int from = (c.rank() + c.size() - 1) % c.size();

        ByteBuffer records = direct(48);
        for (int i = 0; i < 3; i++) {
            records.putInt(16 * i, 100 * c.rank() + i).putDouble(16 * i + 8, i + 0.25);
        }
        byte[] packed = new byte[c.packSize(3, record)];
        Check.equal(36, packed.length, "packSize of 3 records");
        c.pack(TypedBuffer.of(records, 3, record), packed, 0);
        ByteBuffer arrived = direct(48);
        Request sent = c.isend(packed, to, 31);
        c.recv(TypedBuffer.of(arrived, 3, record), from, 31);
        sent.waitFor();
        for (int i = 0; i < 3; i++) {
            Check.equal(100 * from + i, arrived.getInt(16 * i), "record " + i + "'s int");
            Check.equal(i + 0.25, arrived.getDouble(16 * i + 8), "record " + i + "'s double");
        }

        ByteBuffer m = direct(128);
        m.asDoubleBuffer().put(matrix(c.rank()));
        byte[] received = new byte[32];
        sent = c.isend(TypedBuffer.of(m.position(16), 1, column), to, 32);
        c.recv(received, from, 32);
        sent.waitFor();
        double[] back = new double[4];
        Check.equal(32, c.unpack(received, 0, back), "position after the column");
        double[] theirs = matrix(from);
        for (int r = 0; r < 4; r++) {
            Check.equal(theirs[4 * r + 2], back[r], "column row " + r + " from rank " + from);
        }
        record.free();
        column.free();
    }

    static void bad(Intracomm c) {
        byte[] region = new byte[8];
        Arrays.fill(region, (byte) 9);
        Check.raises(IllegalArgumentException.class, () -> c.pack(new int[3], region, 0),
            "12 bytes into 8");
        Check.raises(IllegalArgumentException.class, () -> c.pack(new int[1], region, 6),
            "4 bytes at 6 of 8");
        Check.raises(IllegalArgumentException.class, () -> c.pack(new int[1], region, -1),
            "a negative position");
        Check.raises(IllegalArgumentException.class, () -> c.pack(new int[0], region, 9),
            "a position past the end");
        for (byte b : region) {
            Check.equal((byte) 9, b, "the region after refused packs");
        }
        Check.raises(IllegalArgumentException.class,
            () -> c.pack(new int[1], ByteBuffer.allocate(8).asReadOnlyBuffer(), 0),
            "a read-only region");
        Check.raises(IllegalArgumentException.class, () -> c.pack(new int[1], new int[2], 0),
            "a region of ints");
        Check.raises(NullPointerException.class, () -> c.pack(new int[1], null, 0),
            "a null region");
        Check.raises(IllegalArgumentException.class,
            () -> c.pack(PairBuffer.allocate(Datatype.DOUBLE_INT, 1), region, 0), "a pair buffer");

        int[] into = {5, 5, 5};
        Check.raises(IllegalArgumentException.class, () -> c.unpack(region, 0, into),
            "12 bytes out of 8");
        Check.raises(IllegalArgumentException.class, () -> c.unpack(region, 8, new int[1]),
            "4 bytes at the end");
        Check.isTrue(Arrays.equals(new int[] {5, 5, 5}, into), "ints after a refused unpack");
        Check.raises(IllegalArgumentException.class,
            () -> c.unpack(region, 0, DoubleBuffer.allocate(1).asReadOnlyBuffer()),
            "unpacking into a read-only buffer");

        Check.raises(IllegalArgumentException.class, () -> c.packSize(-1, Datatype.INT),
            "a negative count");
        Check.raises(NullPointerException.class, () -> c.packSize(1, null), "a null type");
        Datatype freed = Datatype.INT.createContiguous(2).commit();
        freed.free();
        Check.raises(IllegalStateException.class, () -> c.packSize(1, freed), "a freed type");

        Check.equal(4, c.pack(new int[] {c.rank()}, region, 0), "a pack after the refusals");
        int[] one = new int[1];
        c.unpack(region, 0, one);
        Check.equal(c.rank(), one[0], "and its unpack");
    }
}
