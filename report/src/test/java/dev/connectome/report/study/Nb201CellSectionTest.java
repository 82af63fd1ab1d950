package dev.connectome.report.study;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.report.Xml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Nb201CellSectionTest {

    private static final String BEST =
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";

    @Test
    void drawsSixLabelledEdgesAndALegend() {
        String html = StudyReportTest.render(new Nb201CellSection("Best cell", Nb201Cell.parse(BEST), "caption"));
        Document d = Xml.parse("<div>" + html + "</div>");
        assertThat(d.getElementsByTagName("path").getLength()).isEqualTo(6);
        assertThat(texts(d)).contains("0", "1", "2", "3", "input", "output", "nor_conv_3x3", "skip_connect",
                "nor_conv_1x1", "avg_pool_3x3");
        assertThat(texts(d).stream().filter("nor_conv_3x3"::equals).count()).isEqualTo(4 + 1); // 4 edges + legend
        assertThat(html).contains(BEST).contains("caption");
    }

    @Test
    void omitsNoneEdges() {
        Nb201Cell cell = Nb201Cell.parse("|none~0|+|avg_pool_3x3~0|none~1|+|none~0|none~1|skip_connect~2|");
        String html = StudyReportTest.render(new Nb201CellSection("Cell", cell, null));
        Document d = Xml.parse("<div>" + html + "</div>");
        assertThat(d.getElementsByTagName("path").getLength()).isEqualTo(2);
        assertThat(texts(d)).doesNotContain("none");
    }

    private static List<String> texts(Document d) {
        NodeList t = d.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.getLength(); i++) {
            out.add(t.item(i).getTextContent());
        }
        return out;
    }
}
