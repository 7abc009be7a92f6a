package org.jpar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @Test
    void rowsAreSortedBySuiteSizeAndPathWithRatiosToCAtEachLevel(@TempDir Path dir)
            throws Exception {
        Files.write(dir.resolve("a.tsv"), List.of(
            "jpar-ffm-direct\tpingpong\t1024\t1.2e-6",
            "c\tpingpong\t8\t1.0e-6",
            "c-multiple\tpingpong\t8\t1.25e-6",
            "jpar-ffm-direct\tpingpong\t8\t1.5e-6",
            "jpar-ffm-single-direct\tpingpong\t8\t1.1e-6",
            "jpar-ffm-direct\talloc-pingpong\t8\t0",
            "c-mpich\tpingpong\t8\t2.0e-6",
            "jpar-ffm-mpich-single-direct\tpingpong\t8\t2.2e-6"));
        List<String> rows = Report.table(Results.read(dir)).lines().skip(2).toList();
        assertEquals(List.of(
            "| alloc-pingpong | 8 | jpar-ffm-direct | 0 B/call | - | - |",
            "| pingpong | 8 | c | 1.000 us | 1.00 | 1.00 |",
            "| pingpong | 8 | c-mpich | 2.000 us | 1.00 | 1.00 |",
            "| pingpong | 8 | c-multiple | 1.250 us | 1.25 | 1.00 |",
            "| pingpong | 8 | jpar-ffm-direct | 1.500 us | 1.50 | 1.20 |",
            "| pingpong | 8 | jpar-ffm-mpich-single-direct | 2.200 us | 1.10 | 1.10 |",
            "| pingpong | 8 | jpar-ffm-single-direct | 1.100 us | 1.10 | 1.10 |",
            "| pingpong | 1024 | jpar-ffm-direct | 1.200 us | - | - |"), rows);
    }

    @Test
    void theReportEndsWithTheGoalsAndTheProfile(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.tsv"), List.of("c\tpingpong\t8\t1.0e-6"));
        Files.createDirectory(dir.resolve("profile"));
        Files.write(dir.resolve("profile/pingpong-parts.txt"), List.of("JNI 10 %"));
        Files.write(dir.resolve("cluster.txt"), List.of("local engines=2 startup 0.1 s"));
        Report.main(new String[] {dir.toString(), "smoke"});
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# jpar benchmarks, "), md);
        assertTrue(md.contains("mode smoke"), md);
        assertTrue(md.contains("Command: `ci/bench --smoke`"), md);
        assertTrue(md.indexOf("## Goals") < md.indexOf("- JNI 10 %"), md);
        assertTrue(md.indexOf("- JNI 10 %") < md.indexOf("## Cluster"), md);
        assertTrue(md.contains("```\nlocal engines=2 startup 0.1 s\n```"), md);
    }
}
