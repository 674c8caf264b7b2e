package dev.comeback.core.progress;

import dev.comeback.core.protocol.Protocol;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pain chart, drawn headless with XChart: pain 0-10 before and after moving per check-in, the phases as
 * shaded bands named along the top, regressions, strain holds and red-flag outcomes as marks of their own
 * shape and colour, and the heaviest load of the day (kg) on a second axis. Colours are the Okabe-Ito
 * palette (safe for the common kinds of colour blindness), and every series also differs by marker shape.
 * Sized for a phone held upright ({@link #PHONE_WIDTH} x {@link #PHONE_HEIGHT} px), with type large enough
 * to read without zooming.
 */
public final class ProgressChart {
    public static final int PHONE_WIDTH = 1080;
    public static final int PHONE_HEIGHT = 1350;
    static final Color BLUE = new Color(0x0072B2);
    static final Color ORANGE = new Color(0xE69F00);
    static final Color GREEN = new Color(0x009E73);
    static final Color VERMILLION = new Color(0xD55E00);
    static final Color PURPLE = new Color(0xCC79A7);
    static final Color BLACK = Color.BLACK;
    private static final Color[] BANDS = {new Color(0xF2F2F2), new Color(0xDDE7EE)};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Protocol protocol;

    public ProgressChart(Protocol protocol) {
        this.protocol = protocol;
    }

    /**
     * The chart as PNG bytes, {@code width} x {@code height} px, type scaled to the width.
     *
     * @throws IllegalArgumentException with fewer than two check-ins (there is no curve to draw)
     */
    public byte[] png(ProgressData data, int width, int height) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(data, width, height), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] png(ProgressData data) {
        return png(data, PHONE_WIDTH, PHONE_HEIGHT);
    }

    XYChart chart(ProgressData data, int width, int height) {
        List<ProgressData.Point> points = data.checkIns();
        if (points.size() < 2) {
            throw new IllegalArgumentException("a chart needs two check-ins, there are " + points.size());
        }
        // Type and lines scale with the smaller side, relative to the phone size; a landscape chart (the report's)
        // puts its legend beside the plot, not under it.
        float scale = Math.min(width / (float) PHONE_WIDTH, height / (float) PHONE_HEIGHT) * (width > height ? 1.6f : 1f);
        Instant origin = data.phases().stream().map(ProgressData.Span::from).min(Instant::compareTo)
                .filter(o -> o.isBefore(points.get(0).at())).orElse(points.get(0).at());
        XYChart chart = new XYChart(width, height);
        chart.setTitle("Your back pain, day by day");
        chart.setYAxisGroupTitle(0, "Pain (0-10)");
        chart.setXAxisTitle("");
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(46 * scale)));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(34 * scale)));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(32 * scale)));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(32 * scale)));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(28 * scale)));
        styler.setAnnotationTextFontColor(new Color(0x333333));
        styler.setLegendPosition(width > height ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartPadding(Math.round(24 * scale));
        styler.setMarkerSize(Math.round(18 * scale));
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(new Color(0xCCCCCC));
        styler.setYAxisMin(0, 0.0);
        styler.setYAxisMax(0, 10.5);
        styler.setYAxisDecimalPattern("#");
        styler.setXAxisMaxLabelCount(5);
        styler.setYAxisTickMarkSpacingHint(Math.round(110 * scale));
        styler.setxAxisTickLabelsFormattingFunction(day -> DAY.format(origin.plus(Duration.ofMinutes(Math.round(day * 1440))).atZone(data.zone())));
        double last = days(origin, points.get(points.size() - 1).at());
        double end = Math.max(last, days(origin, data.now()));
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(Math.max(1.0, Math.ceil(end)));

        // Phases first, so that everything else is drawn over them.
        List<ProgressData.Span> spans = data.phases();
        for (int i = 0; i < spans.size(); i++) {
            ProgressData.Span span = spans.get(i);
            double from = Math.max(0, days(origin, span.from()));
            double to = Math.max(from, days(origin, span.to()));
            if (to - from < 0.01) {
                continue;
            }
            XYSeries band = chart.addSeries("phase " + i, new double[] {from, to}, new double[] {10.5, 10.5});
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            band.setFillColor(BANDS[i % 2]);
            band.setLineColor(BANDS[i % 2]);
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
            if (to - from >= 4) {
                int number = protocol.indexOf(span.phaseId()) + 1;
                chart.addAnnotation(new AnnotationText(to - from >= 12 ? "Phase " + number : String.valueOf(number), (from + to) / 2, 10.0, false));
            }
        }
        List<Double> x = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        List<Double> loadX = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        for (ProgressData.Point p : points) {
            double d = days(origin, p.at());
            x.add(d);
            before.add(p.before());
            after.add(p.after());
            if (p.loadKg() > 0) {
                loadX.add(d);
                loads.add(p.loadKg());
            }
        }
        line(chart, "Pain before moving", x, before, BLUE, SeriesMarkers.CIRCLE);
        line(chart, "Pain after moving", x, after, ORANGE, SeriesMarkers.DIAMOND);
        if (!loads.isEmpty()) {
            XYSeries load = chart.addSeries("Load (kg)", loadX, loads);
            load.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            load.setYAxisGroup(1);
            load.setLineColor(GREEN);
            load.setLineStyle(new BasicStroke(5 * scale, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {14 * scale, 10 * scale}, 0));
            load.setMarker(SeriesMarkers.NONE);
            chart.setYAxisGroupTitle(1, "Load (kg)");
            styler.setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
            styler.setYAxisMin(1, 0.0);
            styler.setYAxisGroupTickLabelsColorMap(1, GREEN.darker());
        }
        marks(chart, "Stepped back a phase", data, origin, ProgressEvent.Kind.PHASE, e -> !e.detail().equals("ADVANCED"), VERMILLION, SeriesMarkers.TRIANGLE_DOWN, 9.6);
        marks(chart, "Back strain: loads held", data, origin, ProgressEvent.Kind.STRAIN_HOLD, e -> true, PURPLE, SeriesMarkers.SQUARE, 9.0);
        marks(chart, "Warning sign: see a clinician", data, origin, ProgressEvent.Kind.TRIAGE, e -> !e.detail().startsWith("RECOVERY"), BLACK, SeriesMarkers.CROSS, 8.4);
        return chart;
    }

    private static void line(XYChart chart, String name, List<Double> x, List<Integer> y, Color color, org.knowm.xchart.style.markers.Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setMarkerColor(color);
        s.setMarker(marker);
        s.setLineWidth(5f * Math.min(chart.getWidth() / (float) PHONE_WIDTH, chart.getHeight() / (float) PHONE_HEIGHT) * (chart.getWidth() > chart.getHeight() ? 1.6f : 1f));
    }

    private static void marks(XYChart chart, String name, ProgressData data, Instant origin, ProgressEvent.Kind kind,
                              java.util.function.Predicate<ProgressEvent> which, Color color,
                              org.knowm.xchart.style.markers.Marker marker, double y) {
        List<Double> x = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (ProgressEvent e : data.eventsOf(kind)) {
            double d = days(origin, e.at());
            if (which.test(e) && d >= 0) {
                x.add(d);
                ys.add(y);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    private static double days(Instant origin, Instant at) {
        return Duration.between(origin, at).toMinutes() / 1440.0;
    }
}
