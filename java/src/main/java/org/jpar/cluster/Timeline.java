package org.jpar.cluster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws task records as a timeline, like the seed's {@code visualize_tasks}: one lane per engine,
 * one bar per task from its start to its end, seconds since the first submission on the x axis.
 * Drawn with JFreeChart, headless; PNG or SVG.
 */
public final class Timeline {
    private static final int WIDTH = 1000;
    private static final int LANE_HEIGHT = 60;

    private Timeline() {
    }

    /**
     * Writes the timeline of {@code tasks} as a PNG.
     *
     * @throws IllegalArgumentException if there are no tasks
     * @throws IOException if the file cannot be written
     */
    public static void writePng(List<TaskRecord> tasks, String title, Path file) throws IOException {
        JFreeChart chart = chart(tasks, title);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, height(tasks));
    }

    /**
     * Writes the timeline of {@code tasks} as an SVG document.
     *
     * @throws IllegalArgumentException if there are no tasks
     * @throws IOException if the file cannot be written
     */
    public static void writeSvg(List<TaskRecord> tasks, String title, Path file) throws IOException {
        JFreeChart chart = chart(tasks, title);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, height(tasks));
        chart.draw(svg, new Rectangle(0, 0, WIDTH, height(tasks)));
        Files.writeString(file, svg.getSVGDocument());
    }

    private static int height(List<TaskRecord> tasks) {
        return 140 + LANE_HEIGHT * (int) tasks.stream().mapToInt(TaskRecord::engineId).distinct().count();
    }

    /** Each engine's lane label, by engine id: "engine 3 (node-b, pid 4711)". */
    static Map<Integer, String> laneLabels(List<TaskRecord> tasks) {
        Map<Integer, String> lanes = new TreeMap<>();
        for (TaskRecord t : tasks) {
            lanes.putIfAbsent(t.engineId(), "engine " + t.engineId() + " (" + t.node() + ", pid "
                + t.pid() + ")");
        }
        return lanes;
    }

    static JFreeChart chart(List<TaskRecord> tasks, String title) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one task");
        }
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        long origin = tasks.stream().mapToLong(TaskRecord::submittedMicros).min().orElseThrow();
        Map<Integer, String> lanes = laneLabels(tasks);
        List<Integer> engines = List.copyOf(lanes.keySet());
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (int lane = 0; lane < engines.size(); lane++) {
            int engine = engines.get(lane);
            XYIntervalSeries series = new XYIntervalSeries("engine " + engine);
            for (TaskRecord t : tasks) {
                if (t.engineId() == engine) {
                    double start = (t.startedMicros() - origin) / 1e6;
                    double end = (t.completedMicros() - origin) / 1e6;
                    series.add(start, start, end, lane, lane - 0.35, lane + 0.35);
                }
            }
            data.addSeries(series);
        }
        String[] labels = engines.stream().map(lanes::get).toArray(String[]::new);
        SymbolAxis laneAxis = new SymbolAxis("engine (node, pid)", labels);
        NumberAxis timeAxis = new NumberAxis("seconds since the first submission");
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setUseYInterval(true);
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.5f));
        XYPlot plot = new XYPlot(data, timeAxis, laneAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
