package org.jpar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The medians of one {@code ci/bench} results folder, read from its TSV files (path, suite, size,
 * value; time in seconds, allocation in bytes per call), as suite, then path, then size.
 */
final class Results {
    private final Map<String, Map<String, Map<Double, Double>>> bySuite;

    Results(Map<String, Map<String, Map<Double, Double>>> bySuite) {
        this.bySuite = bySuite;
    }

    /** Every TSV row of {@code dir}; a later file's row replaces an earlier one with its key. */
    static Results read(Path dir) throws IOException {
        Map<String, Map<String, Map<Double, Double>>> data = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path tsv : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(tsv)) {
                    String[] f = line.split("\t");
                    if (f.length == 4) {
                        data.computeIfAbsent(f[1], k -> new TreeMap<>())
                            .computeIfAbsent(f[0], k -> new TreeMap<>())
                            .put(Double.parseDouble(f[2]), Double.parseDouble(f[3]));
                    }
                }
            }
        }
        return new Results(data);
    }

    /** Suite, then path, then size: the whole folder. */
    Map<String, Map<String, Map<Double, Double>>> bySuite() {
        return bySuite;
    }

    /** One median, if the run measured it. */
    OptionalDouble value(String suite, String path, double size) {
        Double v = bySuite.getOrDefault(suite, Map.of()).getOrDefault(path, Map.of()).get(size);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
