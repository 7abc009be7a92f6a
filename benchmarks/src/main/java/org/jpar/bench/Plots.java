package org.jpar.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a results folder of {@code ci/bench} as PNGs, one line per path against size on log
 * axes: ping-pong latency and bandwidth, each collective's and kernel's time per call; and as
 * bars, the pool's and CallOverhead's benchmarks, which have no size, and the cluster's, per
 * engine count.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.jpar.bench.Plots DIR}.
 */
public final class Plots {
    private Plots() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args[0]);
        Map<String, Map<String, Map<Double, Double>>> data = new TreeMap<>(Results.read(dir).bySuite());
        data.keySet().removeIf(suite -> suite.startsWith("alloc-"));
        DefaultCategoryDataset pool = new DefaultCategoryDataset();
        DefaultCategoryDataset calls = new DefaultCategoryDataset();
        DefaultCategoryDataset cluster = new DefaultCategoryDataset();
        for (Map.Entry<String, Map<String, Map<Double, Double>>> suite : data.entrySet()) {
            String name = suite.getKey();
            if (CLUSTER_SUITES.contains(name)) {
                // The "size" of a cluster benchmark is its number of engines.
                suite.getValue().forEach((path, byEngines) -> byEngines.forEach((engines, s) ->
                    cluster.addValue(s * 1e6, path, name + ", " + engines.intValue() + " engines")));
                continue;
            }
            if (suite.getValue().values().stream().anyMatch(m -> m.containsKey(0.0))) {
                // Sizeless suites (the pool's, CallOverhead's): one bar per path.
                DefaultCategoryDataset bars = name.startsWith("call") ? calls : pool;
                suite.getValue().forEach((path, bySize) ->
                    bars.addValue(bySize.get(0.0) * 1e6, path, name));
                continue;
            }
            String sizeLabel = List.of("allreduce", "sum", "dot", "matvec").contains(name)
                ? "doubles" : "bytes";
            write(dir.resolve(name + "-time.png"), name + ": median time per call", sizeLabel,
                "microseconds", suite.getValue(), (size, seconds) -> seconds * 1e6);
            if (name.equals("pingpong")) {
                write(dir.resolve("pingpong-bandwidth.png"), "ping-pong bandwidth", "bytes",
                    "MB/s", suite.getValue(), (size, seconds) -> size / seconds / 1e6);
            }
        }
        bars(dir.resolve("pool-time.png"), "pool: time per call", pool, true);
        bars(dir.resolve("calls-time.png"), "one MPI call to PROC_NULL, and MPI_Wtime", calls, true);
        bars(dir.resolve("cluster-time.png"),
            "cluster: applySync round trip, load-balanced time per task", cluster, false);
    }

    /** Draws benchmarks as grouped bars, one group per category, on a log axis or a linear one. */
    static void bars(Path file, String title, DefaultCategoryDataset data, boolean logAxis)
            throws IOException {
        if (data.getRowCount() == 0) {
            return;
        }
        JFreeChart chart = ChartFactory.createBarChart(title, "benchmark", "microseconds", data);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        if (logAxis) {
            // Bars grow from the axis' lower end, which must lie below the smallest value.
            double min = Double.MAX_VALUE;
            double max = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int c = 0; c < data.getColumnCount(); c++) {
                    Number v = data.getValue(r, c);
                    if (v != null) {
                        min = Math.min(min, v.doubleValue());
                        max = Math.max(max, v.doubleValue());
                    }
                }
            }
            LogAxis log = new LogAxis("microseconds (log)");
            log.setTickUnit(new NumberTickUnit(1), false, true);
            log.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
            log.setRange(min / 2, max * 2);
            plot.setRangeAxis(log);
            ((BarRenderer) plot.getRenderer()).setBase(min / 2);
        }
        plot.setBackgroundPaint(Color.WHITE);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 600);
    }

    private static final List<Color> PALETTE = List.of(new Color(0xd62728), new Color(0x1f77b4),
        new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b),
        new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22));
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private static final List<String> CLUSTER_SUITES = List.of("applysync", "loadbalanced");

    private interface Metric {
        double of(double size, double seconds);
    }

    private static void write(Path file, String title, String xLabel, String yLabel,
                              Map<String, Map<Double, Double>> paths, Metric metric)
            throws IOException {
        XYSeriesCollection series = new XYSeriesCollection();
        for (Map.Entry<String, Map<Double, Double>> path : paths.entrySet()) {
            XYSeries line = new XYSeries(path.getKey());
            path.getValue().forEach((size, seconds) -> line.add((double) size,
                (double) metric.of(size, seconds)));
            series.addSeries(line);
        }
        LogAxis x = new LogAxis(xLabel);
        x.setBase(2);
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        LogAxis y = new LogAxis(yLabel);
        // One labelled tick per power of 10: automatic log ticks land on values like 6,309.573.
        y.setTickUnit(new NumberTickUnit(1), false, true);
        y.setMinorTickCount(9);
        y.setMinorTickMarksVisible(true);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int other = 0;
        for (int i = 0; i < series.getSeriesCount(); i++) {
            String key = (String) series.getSeriesKey(i);
            if (key.equals("c") || key.startsWith("c-")) {
                // The C baselines in black and grey, so that every colour is a Java path.
                renderer.setSeriesPaint(i, key.equals("c-end") ? Color.GRAY : Color.BLACK);
                renderer.setSeriesStroke(i, key.equals("c") ? new BasicStroke(3f) : DASHED);
            } else {
                renderer.setSeriesPaint(i, PALETTE.get(other % PALETTE.size()));
                // Past the palette's end, colours come back dashed.
                renderer.setSeriesStroke(i, other < PALETTE.size() ? new BasicStroke(1.5f) : DASHED);
                other++;
            }
        }
        XYPlot plot = new XYPlot(series, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 600);
    }
}
