package org.ilium.outcomes.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ilium.shared.document.DocumentRenderer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * The charts of the outcome report, drawn by JFreeChart onto JFreeSVG as inline SVG (vector in the PDF, sharp on
 * screen). Each maker takes plain numbers, not the report, and returns the picture with a text alternative and a
 * table of the same numbers. Colours are the Okabe-Ito palette (safe for the common colour-vision deficiencies) and
 * every series also has its own marker shape. Text is drawn as outlines in DejaVu Sans, so symbols such as >= look
 * the same in every browser and in the PDF.
 */
public final class OutcomeCharts {
    /** Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, vermillion, sky blue, purple, yellow. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
            new Color(0x56B4E9), new Color(0xCC79A7), new Color(0xF0E442)};
    private static final Color GRID = new Color(0xD9D9D9);
    private static final Color INK = new Color(0x222222);
    static final int WIDTH = 640;
    static final int HEIGHT = 300;

    private static final Font BASE;

    static {
        // charts are drawn without a display, also when the command line (not Spring Boot) starts the JVM
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try (InputStream in = DocumentRenderer.font("DejaVuSans.ttf")) {
            BASE = Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("DejaVu Sans is not a TrueType font", e);
        }
    }

    private OutcomeCharts() {
    }

    /** An estimate at one point on the x axis (a timepoint, a row): value with an optional 95 % interval and its n. */
    public record Point(String label, int n, double value, Double lower, Double upper) {
        public Point {
            Objects.requireNonNull(label, "label");
            if ((lower == null) != (upper == null)) {
                throw new IllegalArgumentException("An interval needs both bounds");
            }
        }

        public static Point of(String label, int n, double value, double lower, double upper) {
            return new Point(label, n, value, lower, upper);
        }

        public static Point withoutInterval(String label, int n, double value) {
            return new Point(label, n, value, null, null);
        }

        boolean hasInterval() {
            return lower != null;
        }
    }

    /** A named line or group of bars; points are matched to the categories by label, a missing label is a gap. */
    public record Series(String name, List<Point> points) {
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }

        Point at(String label) {
            return points.stream().filter(p -> p.label().equals(label)).findFirst().orElse(null);
        }
    }

    /** One step of a survival curve: S (0..1) from {@code time} on, with its interval when there is one. */
    public record SurvivalStep(double time, double survival, Double lower, Double upper) {
    }

    /** How many were still followed (at risk) at a time, for the table under a survival curve. */
    public record AtRisk(double time, int n) {
    }

    /** A count of complications of one kind and grade. */
    public record Count(String kind, String grade, int count) {
    }

    /** Where a compared figure comes from; the seed article's claim is kept apart from published results. */
    public enum Source {
        COHORT("This clinic"), PUBLISHED("Published study"), SEED_CLAIM("Seed article's own claim (not the study's figure)");

        final String legend;

        Source(String legend) {
            this.legend = legend;
        }
    }

    /** One row of a comparison: who, the value, its interval if known, n if known (0 = not stated). */
    public record Comparison(String label, Source source, double value, Double lower, Double upper, int n) {
        public Comparison {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Means over time, each with its 95 % interval as error bars, one line per series (e.g. mean pain 0-10).
     *
     * @param categories the x axis labels in order (e.g. Before surgery, 6 weeks, ...)
     * @param digits decimals in the table
     */
    public static Chart overTime(String id, String title, String valueLabel, double min, double max, List<String> categories,
            List<Series> series, int digits) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        double dodge = series.size() > 1 ? 0.12 : 0;
        for (int s = 0; s < series.size(); s++) {
            XYIntervalSeries xy = new XYIntervalSeries(series.get(s).name());
            double offset = (s - (series.size() - 1) / 2.0) * dodge;
            for (int c = 0; c < categories.size(); c++) {
                Point p = series.get(s).at(categories.get(c));
                if (p != null) {
                    double lo = p.hasInterval() ? p.lower() : p.value();
                    double hi = p.hasInterval() ? p.upper() : p.value();
                    xy.add(c + offset, c + offset, c + offset, p.value(), lo, hi);
                }
            }
            data.addSeries(xy);
        }
        SymbolAxis x = new SymbolAxis(null, categories.toArray(String[]::new));
        x.setRange(-0.5, categories.size() - 0.5);
        x.setGridBandsVisible(false);
        NumberAxis y = new NumberAxis(valueLabel);
        y.setRange(min, max);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(true);
        renderer.setDefaultLinesVisible(true);
        renderer.setCapLength(7);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = chart(title, plot, series.size() > 1);
        styleSeries(renderer, series.size());

        DataTable table = pivot(series, categories, p -> number(p.value(), digits)
                + (p.hasInterval() ? " (" + number(p.lower(), digits) + " to " + number(p.upper(), digits) + ")" : ""));
        String description = title + ": " + describePoints(series, categories, digits, "");
        return new Chart(id, title, new Drawing(chart, WIDTH, HEIGHT), description, table);
    }

    /** Shares (percent, 0-100) per category as bars with their 95 % intervals as whiskers, one bar colour per series. */
    public static Chart shares(String id, String title, List<String> categories, List<Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[][][] intervals = new double[series.size()][categories.size()][];
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                Point p = series.get(s).at(categories.get(c));
                data.addValue(p == null ? null : p.value(), series.get(s).name(), categories.get(c));
                if (p != null && p.hasInterval()) {
                    intervals[s][c] = new double[] {p.lower(), p.upper()};
                }
            }
        }
        WhiskerBarRenderer renderer = new WhiskerBarRenderer(intervals);
        renderer.setItemMargin(0.04);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        NumberAxis y = new NumberAxis("Patients (%)");
        y.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), y, renderer);
        JFreeChart chart = chart(title, plot, true);
        for (int s = 0; s < series.size(); s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesOutlinePaint(s, INK);
            renderer.setSeriesOutlineStroke(s, new BasicStroke(0.5f));
        }
        DataTable table = pivot(series, categories, p -> percent(p.value())
                + (p.hasInterval() ? " (" + number(p.lower(), 0) + " to " + number(p.upper(), 0) + " %)" : ""));
        String description = title + ": " + describePoints(series, categories, 0, " %");
        return new Chart(id, title, new Drawing(chart, WIDTH, HEIGHT), description, table);
    }

    /**
     * A Kaplan-Meier curve (percent free of the event) as steps with its 95 % band, and the number at risk under it.
     *
     * @param steps the curve's steps in time order; S is 1 before the first
     * @param until where the x axis ends (the longest follow-up)
     */
    public static Chart survival(String id, String title, String event, String timeLabel, List<SurvivalStep> steps, List<AtRisk> atRisk,
            double until) {
        XYSeries curve = new XYSeries("Free of " + event, false, true);
        YIntervalSeries band = new YIntervalSeries("95 % CI", false, true);
        curve.add(0, 100);
        band.add(0, 100, 100, 100);
        double lo = 100;
        double hi = 100;
        boolean bandOpen = true;
        for (SurvivalStep s : steps) {
            curve.add(s.time(), 100 * s.survival());
            if (bandOpen) {
                band.add(s.time(), 100 * s.survival(), lo, hi);
            }
            if (s.lower() != null && bandOpen) {
                lo = 100 * s.lower();
                hi = 100 * s.upper();
                band.add(s.time(), 100 * s.survival(), lo, hi);
            } else {
                bandOpen = false;
            }
        }
        double last = steps.isEmpty() ? 100 : 100 * steps.get(steps.size() - 1).survival();
        double end = Math.max(until, steps.isEmpty() ? 1 : steps.get(steps.size() - 1).time());
        curve.add(end, last);
        if (bandOpen) {
            band.add(end, last, lo, hi);
        }
        NumberAxis time = new NumberAxis(timeLabel);
        double span = end <= 0 ? 1 : end;
        // a little room left of 0 so the first at-risk number is not cut
        time.setRange(-span * 0.03, span * 1.03);
        time.setStandardTickUnits(NumberAxis.createIntegerTickUnits());

        NumberAxis y = new NumberAxis("Free of " + event + " (%)");
        // revisions are rare: an axis from 0 would flatten every step against the top, so it starts 10 points
        // below the lowest bound shown (the axis says where); a bit above 100 keeps the first stretch visible
        double lowest = steps.stream().mapToDouble(s -> s.lower() == null ? s.survival() : Math.min(s.lower(), s.survival()))
                .min().orElse(1);
        y.setRange(Math.max(0, Math.floor(lowest * 10) * 10 - 10), 101);
        XYStepRenderer stepRenderer = new XYStepRenderer();
        stepRenderer.setSeriesPaint(0, PALETTE[0]);
        stepRenderer.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot top = new XYPlot(new XYSeriesCollection(curve), null, y, stepRenderer);
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setSeriesFillPaint(0, PALETTE[4]);
        bandRenderer.setSeriesPaint(0, PALETTE[4]);
        bandRenderer.setAlpha(0.35f);
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        bandData.addSeries(band);
        top.setDataset(1, bandData);
        top.setRenderer(1, bandRenderer);
        top.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        NumberAxis riskAxis = new NumberAxis("At risk");
        riskAxis.setRange(0, 1);
        riskAxis.setTickLabelsVisible(false);
        riskAxis.setTickMarksVisible(false);
        riskAxis.setLabelFont(BASE.deriveFont(9f));
        XYPlot bottom = new XYPlot(new XYSeriesCollection(), null, riskAxis, new XYStepRenderer());
        bottom.setDomainGridlinesVisible(false);
        bottom.setRangeGridlinesVisible(false);
        bottom.setOutlineVisible(false);
        for (AtRisk r : atRisk) {
            XYTextAnnotation a = new XYTextAnnotation(String.valueOf(r.n()), r.time(), 0.5);
            a.setFont(BASE.deriveFont(9f));
            a.setPaint(INK);
            a.setTextAnchor(TextAnchor.CENTER);
            bottom.addAnnotation(a);
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(4);
        plot.add(top, 6);
        plot.add(bottom, 1);
        JFreeChart chart = chart(title, plot, false);
        top.setBackgroundPaint(Color.WHITE);
        bottom.setBackgroundPaint(Color.WHITE);
        bottom.setOutlineVisible(false);

        List<List<String>> rows = new ArrayList<>();
        for (SurvivalStep s : steps) {
            rows.add(List.of(number(s.time(), 1), percent(100 * s.survival()),
                    s.lower() == null ? "-" : percent(100 * s.lower()) + " to " + percent(100 * s.upper())));
        }
        DataTable table = new DataTable(List.of(timeLabel, "Free of " + event, "95 % CI"), rows);
        StringBuilder d = new StringBuilder(title).append(": ");
        if (steps.isEmpty()) {
            d.append("no ").append(event).append(" so far; the curve stays at 100 %");
        } else {
            SurvivalStep s = steps.get(steps.size() - 1);
            d.append(steps.size()).append(steps.size() == 1 ? " step" : " steps").append(", ").append(percent(100 * s.survival()))
                    .append(" free of ").append(event).append(" after ").append(number(s.time(), 1)).append(" (")
                    .append(timeLabel.toLowerCase(Locale.ROOT)).append(")");
        }
        if (!atRisk.isEmpty()) {
            d.append("; at risk: ");
            for (int i = 0; i < atRisk.size(); i++) {
                d.append(i == 0 ? "" : ", ").append(atRisk.get(i).n()).append(" at ").append(number(atRisk.get(i).time(), 0));
            }
        }
        return new Chart(id, title, new Drawing(chart, WIDTH, HEIGHT + 40), d.append('.').toString(), table);
    }

    /** Complications as horizontal bars by kind, stacked by grade (grades in the given order, light to dark). */
    public static Chart complications(String id, String title, List<String> grades, List<Count> counts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> kinds = counts.stream().map(Count::kind).distinct().toList();
        for (String g : grades) {
            for (String k : kinds) {
                int n = counts.stream().filter(c -> c.kind().equals(k) && c.grade().equals(g)).mapToInt(Count::count).sum();
                data.addValue(n, g, k);
            }
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setMaximumBarWidth(0.5);
        NumberAxis x = new NumberAxis("Complications");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        int most = kinds.stream().mapToInt(k -> counts.stream().filter(c -> c.kind().equals(k)).mapToInt(Count::count).sum()).max().orElse(0);
        x.setRange(0, Math.max(1, most) * 1.1);
        CategoryAxis kindAxis = new CategoryAxis(null);
        // complication names are long ("Deep vein thrombosis or pulmonary embolism"): up to 40 % of the width
        kindAxis.setMaximumCategoryLabelWidthRatio(0.4f);
        CategoryPlot plot = new CategoryPlot(data, kindAxis, x, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = chart(title, plot, true);
        // grades are ordered, so a sequence that darkens with severity
        Color[] ordered = {new Color(0x56B4E9), new Color(0x0072B2), new Color(0xE69F00), new Color(0xD55E00), new Color(0xCC79A7),
                new Color(0x7A3E6B), new Color(0x000000)};
        for (int g = 0; g < grades.size(); g++) {
            renderer.setSeriesPaint(g, ordered[Math.min(g, ordered.length - 1)]);
            renderer.setSeriesOutlinePaint(g, Color.WHITE);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String k : kinds) {
            for (String g : grades) {
                int n = counts.stream().filter(c -> c.kind().equals(k) && c.grade().equals(g)).mapToInt(Count::count).sum();
                if (n > 0) {
                    rows.add(List.of(k, g, String.valueOf(n)));
                }
            }
        }
        DataTable table = new DataTable(List.of("Complication", "Grade", "Count"), rows);
        int total = counts.stream().mapToInt(Count::count).sum();
        // totals per series first: the series may be two views of the same complications (by type, by grade)
        List<String> parts = new ArrayList<>();
        for (String g : grades) {
            int n = counts.stream().filter(c -> c.grade().equals(g)).mapToInt(Count::count).sum();
            if (n > 0) {
                parts.add(g + " " + n);
            }
        }
        String description = title + ": " + (total == 0 ? "none recorded" : String.join(", ", parts) + "; " + String.join("; ",
                kinds.stream().map(k -> k + " " + counts.stream().filter(c -> c.kind().equals(k)).mapToInt(Count::count).sum()).toList()));
        int height = Math.max(160, 70 + 28 * kinds.size());
        return new Chart(id, title, new Drawing(chart, WIDTH, height), description + ".", table);
    }

    /**
     * This clinic next to published results at one measure and time: a dot per row with its interval where known,
     * colour and shape by source, the seed article's claim hollow so it is never read as a published figure.
     */
    public static Chart comparison(String id, String title, String valueLabel, double min, double max, List<Comparison> rows, int digits) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        // only the sources present get a series, so the legend lists nothing that is not drawn
        Source[] sources = java.util.Arrays.stream(Source.values()).filter(x -> rows.stream().anyMatch(r -> r.source() == x))
                .toArray(Source[]::new);
        for (Source source : sources) {
            XYIntervalSeries s = new XYIntervalSeries(source.legend);
            for (int i = 0; i < rows.size(); i++) {
                Comparison r = rows.get(i);
                if (r.source() == source) {
                    double lo = r.lower() == null ? r.value() : r.lower();
                    double hi = r.upper() == null ? r.value() : r.upper();
                    s.add(r.value(), lo, hi, i, i, i);
                }
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis(valueLabel);
        // a little room at both ends so a dot at 0 % or 100 % is not cut in half by the frame
        double margin = (max - min) * 0.03;
        x.setRange(min - margin, max + margin);
        SymbolAxis y = new SymbolAxis(null, rows.stream().map(Comparison::label).toArray(String[]::new));
        y.setRange(-0.6, rows.size() - 0.4);
        y.setInverted(true);
        y.setGridBandsVisible(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setCapLength(6);
        renderer.setErrorStroke(new BasicStroke(1.4f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = chart(title, plot, true);
        Shape[] shapes = {new Ellipse2D.Double(-5, -5, 10, 10), new Rectangle2D.Double(-4.5, -4.5, 9, 9), diamond(6)};
        for (int s = 0; s < sources.length; s++) {
            int kind = sources[s].ordinal();
            renderer.setSeriesPaint(s, PALETTE[kind]);
            renderer.setSeriesShape(s, shapes[kind]);
            if (sources[s] == Source.SEED_CLAIM) {
                // hollow, so it never reads as a published result
                renderer.setSeriesShapesFilled(s, false);
                renderer.setSeriesStroke(s, new BasicStroke(1.6f));
            }
        }
        renderer.setUseOutlinePaint(false);

        List<List<String>> table = new ArrayList<>();
        for (Comparison r : rows) {
            table.add(List.of(r.label(), r.source().legend, r.n() > 0 ? String.valueOf(r.n()) : "-", number(r.value(), digits),
                    r.lower() == null ? "not given" : number(r.lower(), digits) + " to " + number(r.upper(), digits)));
        }
        String description = title + ": " + String.join("; ", rows.stream().map(r -> r.label() + " " + number(r.value(), digits)
                + (r.lower() == null ? "" : " (95 % CI " + number(r.lower(), digits) + " to " + number(r.upper(), digits) + ")")).toList());
        int height = Math.max(170, 90 + 26 * rows.size());
        return new Chart(id, title, new Drawing(chart, WIDTH, height), description + ".",
                new DataTable(List.of("Group", "Source", "n", "Value", "95 % CI"), table));
    }

    private static Shape diamond(double r) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -r);
        p.lineTo(r, 0);
        p.lineTo(0, r);
        p.lineTo(-r, 0);
        p.closePath();
        return p;
    }

    private static void styleSeries(XYErrorRenderer renderer, int count) {
        Shape[] shapes = {new Ellipse2D.Double(-4, -4, 8, 8), new Rectangle2D.Double(-3.5, -3.5, 7, 7), diamond(5),
                new Ellipse2D.Double(-3, -3, 6, 6)};
        for (int s = 0; s < count; s++) {
            renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
            renderer.setSeriesShape(s, shapes[s % shapes.length]);
            renderer.setSeriesStroke(s, new BasicStroke(1.8f));
        }
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, BASE.deriveFont(Font.BOLD, 12f), plot, legend);
        theme().apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        if (legend) {
            LegendTitle l = chart.getLegend();
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("Ilium");
        t.setExtraLargeFont(BASE.deriveFont(Font.BOLD, 12f));
        t.setLargeFont(BASE.deriveFont(10f));
        t.setRegularFont(BASE.deriveFont(9.5f));
        t.setSmallFont(BASE.deriveFont(9f));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(GRID);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setAxisLabelPaint(INK);
        t.setTickLabelPaint(INK);
        t.setTitlePaint(INK);
        t.setLegendItemPaint(INK);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE, PALETTE, PALETTE,
                new Stroke[] {new BasicStroke(1.8f)}, new Stroke[] {new BasicStroke(0.5f)},
                DefaultDrawingSupplier.createStandardSeriesShapes()));
        return t;
    }

    /** A drawn chart and its size in pixels, rendered to SVG on demand. */
    public record Drawing(JFreeChart chart, int width, int height) {
    }

    /**
     * The chart as an {@code <svg>} element with its size and a view box; internal ids are prefixed with the chart id.
     * With {@code outlineText} every letter is a path: exact in any viewer and in the PDF (whose SVG renderer would
     * otherwise need the font), but about ten times larger; browsers get {@code <text>} in DejaVu Sans or a sans-serif.
     */
    static String svg(Drawing drawing, String id, boolean outlineText) {
        int width = drawing.width();
        int height = drawing.height();
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        JFreeChart chart = drawing.chart();
        if (outlineText) {
            g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        } else {
            g2.setFontFunction(family -> "DejaVu Sans, Verdana, sans-serif");
        }
        // a tenth of a pixel is invisible at print size, and outlined text shrinks to a third
        g2.setGeomDoubleConverter(OutcomeCharts::oneDecimal);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        String svg = g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
        // openhtmltopdf reads width and height as integers only ("640.0" is ignored)
        int end = svg.indexOf('>');
        String open = svg.substring(0, end)
                .replaceFirst("width='[^']*'", "width='" + width + "'")
                .replaceFirst("height='[^']*'", "height='" + height + "'")
                .replaceFirst("viewBox='[^']*'", "viewBox='0 0 " + width + " " + height + "'");
        // the chart's text alternative is the paragraph the document prints under it
        return open + " role='img' aria-labelledby='" + id + "-text'" + svg.substring(end);
    }

    private static String oneDecimal(double v) {
        return BigDecimal.valueOf(Math.round(v * 10), 1).stripTrailingZeros().toPlainString();
    }

    /** One row per series, one column per category: "value (lower to upper), n N", or "no answers". */
    private static DataTable pivot(List<Series> series, List<String> categories, java.util.function.Function<Point, String> value) {
        List<String> headers = new ArrayList<>();
        headers.add("");
        headers.addAll(categories);
        List<List<String>> rows = new ArrayList<>();
        for (Series s : series) {
            List<String> row = new ArrayList<>();
            row.add(s.name());
            for (String c : categories) {
                Point p = s.at(c);
                row.add(p == null ? "no answers" : value.apply(p) + ", n " + p.n());
            }
            rows.add(row);
        }
        return new DataTable(headers, rows);
    }

    private static String describePoints(List<Series> series, List<String> categories, int digits, String unit) {
        List<String> parts = new ArrayList<>();
        for (Series s : series) {
            List<String> values = new ArrayList<>();
            for (String c : categories) {
                Point p = s.at(c);
                if (p != null) {
                    values.add(c + " " + number(p.value(), digits) + unit + " (n " + p.n() + ")");
                }
            }
            parts.add((series.size() > 1 ? s.name() + ": " : "") + (values.isEmpty() ? "no answers" : String.join(", ", values)));
        }
        return String.join("; ", parts) + ".";
    }

    static String number(double value, int digits) {
        DecimalFormat f = new DecimalFormat(digits == 0 ? "0" : "0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.ROOT));
        String s = f.format(value);
        return s.equals("-0") || s.matches("-0\\.0+") ? s.substring(1) : s;
    }

    static String percent(double value) {
        return number(value, 0) + " %";
    }

    /** Bars with an asymmetric whisker each (Wilson intervals are not symmetric, so no mean +/- sd renderer fits). */
    private static final class WhiskerBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final transient double[][][] intervals;

        WhiskerBarRenderer(double[][][] intervals) {
            this.intervals = intervals;
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot, CategoryAxis domainAxis,
                ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            double[] ci = intervals[row][column];
            int visibleRow = state.getVisibleSeriesIndex(row);
            if (ci == null || visibleRow < 0 || dataset.getValue(row, column) == null) {
                return;
            }
            double x0 = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, visibleRow, column);
            double middle = x0 + state.getBarWidth() / 2;
            double cap = Math.min(6, state.getBarWidth() / 3);
            RectangleEdge edge = plot.getRangeAxisEdge();
            double lo = rangeAxis.valueToJava2D(ci[0], dataArea, edge);
            double hi = rangeAxis.valueToJava2D(ci[1], dataArea, edge);
            Paint before = g2.getPaint();
            Stroke stroke = g2.getStroke();
            g2.setPaint(INK);
            g2.setStroke(new BasicStroke(1.1f));
            g2.draw(new Line2D.Double(middle, lo, middle, hi));
            g2.draw(new Line2D.Double(middle - cap, lo, middle + cap, lo));
            g2.draw(new Line2D.Double(middle - cap, hi, middle + cap, hi));
            g2.setPaint(before);
            g2.setStroke(stroke);
        }
    }
}
