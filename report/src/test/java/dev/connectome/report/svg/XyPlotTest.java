package dev.connectome.report.svg;

import dev.connectome.report.HtmlWriter;
import dev.connectome.report.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XyPlotTest {

    private static String render(XyPlot p) {
        HtmlWriter w = new HtmlWriter();
        p.render(w);
        return w.finish();
    }

    private static XyPlot plot(Series... series) {
        XyPlot.Builder b = XyPlot.builder().optTitle("t").optXLabel("trial").optYLabel("accuracy").integerX();
        for (Series s : series) {
            b.add(s);
        }
        return b.build();
    }

    @Test
    void withoutPointsShowsAxesAndNoData() {
        String svg = render(plot());
        Document d = Xml.parse(svg);
        assertThat(svg).contains(">no data<");
        assertThat(d.getElementsByTagName("path").getLength()).isZero();
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");

        String empty = render(plot(Series.line("l", new double[0], new double[0], Palette.BLUE)));
        assertThat(empty).contains(">no data<");
    }

    @Test
    void onlyNonFinitePointsCountAsNoData() {
        double[] nan = {Double.NaN, Double.POSITIVE_INFINITY};
        String svg = render(plot(Series.scatter("s", new double[] {0, 1}, nan, Palette.BLUE)));
        assertThat(svg).contains(">no data<").doesNotContain("r=\"3\"");
        Xml.parse(svg);
    }

    @Test
    void aSinglePointIsDrawnInsideItsAxes() {
        String svg = render(plot(Series.scatter("s", new double[] {3}, new double[] {0.5}, Palette.BLUE),
                Series.step("best", new double[] {3}, new double[] {0.5}, Palette.ORANGE)));
        Document d = Xml.parse(svg);
        NodeList circles = d.getElementsByTagName("circle");
        // one data point (the legend draws a dot too)
        Element dot = lastCircle(circles);
        double cx = Double.parseDouble(dot.getAttribute("cx"));
        double cy = Double.parseDouble(dot.getAttribute("cy"));
        assertThat(cx).isStrictlyBetween(64.0, 720.0 - 18);
        assertThat(cy).isStrictlyBetween(10.0, 360.0 - 46);
        assertThat(svg).doesNotContain("no data").doesNotContain("NaN");
        // integer x ticks: labels 2, 3, 4 but never 2.5
        assertThat(svg).contains(">3<").doesNotContain(">2.5<");
    }

    @Test
    void manyPointsWithNaNBreakTheLineAndSkipTheDots() {
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i % 50 == 25 ? Double.NaN : Math.sin(i / 10.0);
        }
        String svg = render(plot(Series.line("sin", x, y, Palette.BLUE),
                Series.scatter("dots", x, y, Palette.GREEN).withLabels(java.util.Collections.nCopies(200, "p <&>"))));
        Document d = Xml.parse(svg);
        String path = ((Element) d.getElementsByTagName("path").item(0)).getAttribute("d");
        // four NaNs split the line into five sub-paths
        assertThat(count(path, "M")).isEqualTo(5);
        assertThat(path).doesNotContain("NaN", "Infinity");
        int dots = 0;
        NodeList circles = d.getElementsByTagName("circle");
        for (int i = 0; i < circles.getLength(); i++) {
            if (circles.item(i).getFirstChild() != null) {
                dots++;
                assertThat(circles.item(i).getTextContent()).isEqualTo("p <&>");
            }
        }
        assertThat(dots).isEqualTo(196);
        // every coordinate lies inside the 720 x 360 canvas
        Matcher m = Pattern.compile("[-\\d.]+").matcher(path);
        while (m.find()) {
            assertThat(Double.parseDouble(m.group())).isBetween(0.0, 720.0);
        }
    }

    @Test
    void aStepLineHoldsItsValueUntilTheNextPoint() {
        String svg = render(plot(Series.step("best", new double[] {0, 1, 2}, new double[] {1, 1, 2}, Palette.BLUE)));
        String d = ((Element) Xml.parse(svg).getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(d).matches("M[\\d.]+ [\\d.]+ H[\\d.]+ H[\\d.]+ V[\\d.]+");
    }

    @Test
    void legendListsNamedSeriesOnly() {
        String svg = render(plot(Series.line("named", new double[] {0, 1}, new double[] {0, 1}, Palette.BLUE),
                Series.line(null, new double[] {0, 1}, new double[] {1, 0}, Palette.GREY)));
        assertThat(count(svg, ">named<")).isEqualTo(1);
        Legend legend = new Legend(List.of(new Legend.Entry("a".repeat(40), Palette.BLUE, Legend.Symbol.SWATCH),
                new Legend.Entry("b".repeat(40), Palette.ORANGE, Legend.Symbol.LINE)));
        assertThat(legend.height(1000)).isEqualTo(Legend.ROW);
        assertThat(legend.height(300)).isEqualTo(2 * Legend.ROW);
    }

    @Test
    void rejectsMismatchedSeries() {
        assertThatThrownBy(() -> Series.line("x", new double[2], new double[3], Palette.BLUE))
                .hasMessageContaining("2 x values but 3 y values");
        assertThatThrownBy(() -> Series.scatter("x", new double[2], new double[2], Palette.BLUE).withLabels(List.of("a")))
                .hasMessageContaining("2 points but 1 labels");
        assertThatThrownBy(() -> XyPlot.builder().size(10, 10)).hasMessageContaining("at least");
    }

    private static Element lastCircle(NodeList circles) {
        return (Element) circles.item(circles.getLength() - 1);
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
