package org.jpar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The speed goals of {@code benchmarks/goals.tsv} (in the jar), checked against one
 * {@code ci/bench} run: for each, the path judged, both medians, the ratio, and met, missed or
 * not measured. What each goal means and why a gap stands is in benchmarks/README.md.
 */
final class Goals {
    static final String MET = "met";
    static final String MISSED = "**missed**";
    static final String NOT_MEASURED = "not measured";

    /** One row of goals.tsv. */
    record Goal(String name, String suite, List<String> paths, double size, List<String> baselines,
                boolean speed, double limit) {
    }

    /** A goal checked against a run; the paths and values are empty when not measured. */
    record Verdict(Goal goal, String path, String baselinePath, OptionalDouble value,
                   OptionalDouble baseline, double ratio, String outcome) {
    }

    private Goals() {
    }

    /** goals.tsv as the jar carries it. */
    static List<Goal> load() throws IOException {
        try (InputStream in = Goals.class.getResourceAsStream("/goals.tsv")) {
            if (in == null) {
                throw new IOException("goals.tsv is not in benchmarks.jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Goals from the text of goals.tsv: comments (#) and the header row are skipped. */
    static List<Goal> parse(String tsv) {
        List<Goal> goals = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("goal\t")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 7 || !(f[5].equals("time") || f[5].equals("speed"))) {
                throw new IllegalArgumentException("goals.tsv: want goal, suite, path, size, "
                    + "baseline, time|speed, limit: " + line);
            }
            goals.add(new Goal(f[0], f[1], List.of(f[2].split("\\|")), Double.parseDouble(f[3]),
                List.of(f[4].split("\\|")), f[5].equals("speed"), Double.parseDouble(f[6])));
        }
        return goals;
    }

    /** Checks {@code goal} against {@code results}; {@code jpar} replaces {@code {jpar}}. */
    static Verdict check(Goal goal, Results results, String jpar) {
        String path = first(goal.paths(), goal, results, jpar);
        String base = first(goal.baselines(), goal, results, jpar);
        if (path == null || base == null) {
            return new Verdict(goal, "", "", OptionalDouble.empty(), OptionalDouble.empty(), 0,
                NOT_MEASURED);
        }
        double v = results.value(goal.suite(), path, goal.size()).getAsDouble();
        double b = results.value(goal.suite(), base, goal.size()).getAsDouble();
        double ratio = goal.speed() ? b / v : v / b;
        boolean met = goal.speed() ? ratio >= goal.limit() : ratio <= goal.limit();
        return new Verdict(goal, path, base, OptionalDouble.of(v), OptionalDouble.of(b), ratio,
            met ? MET : MISSED);
    }

    /**
     * The first of {@code names} the run has; a name {@code max(a,b,...)} stands for the slowest
     * of those paths (all must be there).
     */
    private static String first(List<String> names, Goal goal, Results results, String jpar) {
        for (String name : names) {
            if (name.startsWith("max(") && name.endsWith(")")) {
                String slowest = null;
                double most = -1;
                for (String part : name.substring(4, name.length() - 1).split(",")) {
                    String path = part.strip().replace("{jpar}", jpar);
                    OptionalDouble v = results.value(goal.suite(), path, goal.size());
                    if (v.isEmpty()) {
                        slowest = null;
                        break;
                    }
                    if (v.getAsDouble() > most) {
                        most = v.getAsDouble();
                        slowest = path;
                    }
                }
                if (slowest != null) {
                    return slowest;
                }
                continue;
            }
            String path = name.replace("{jpar}", jpar);
            if (results.value(goal.suite(), path, goal.size()).isPresent()) {
                return path;
            }
        }
        return null;
    }

    /** The report's goals section: one table row per goal. */
    static String markdown(List<Goal> goals, Results results, String jpar) {
        StringBuilder md = new StringBuilder("\n## Goals (benchmarks/goals.tsv)\n\n"
            + "| goal | path | this run | against | ratio | limit | verdict |\n"
            + "|---|---|---|---|---|---|---|\n");
        for (Goal g : goals) {
            Verdict v = check(g, results, jpar);
            String limit = (g.speed() ? "\u2265 " : "\u2264 ")
                + String.format(Locale.ROOT, "%.2f", g.limit()) + (g.speed() ? " (speed)" : " (time)");
            boolean measured = v.value().isPresent();
            md.append("| ").append(g.name())
                .append(" | ").append(measured ? "`" + v.path() + "`" : "-")
                .append(" | ").append(measured ? Report.duration(v.value().getAsDouble()) : "-")
                .append(" | ").append(measured ? Report.duration(v.baseline().getAsDouble())
                    + " (`" + v.baselinePath() + "`)" : "-")
                .append(" | ").append(measured ? String.format(Locale.ROOT, "%.2f", v.ratio()) : "-")
                .append(" | ").append(limit).append(" | ").append(v.outcome()).append(" |\n");
        }
        return md.toString();
    }
}
