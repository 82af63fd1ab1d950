package dev.connectome.report.wann;

import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;

/** A titled drawing of one WANN genome (e.g. the champion) with a caption. */
public final class WannNetworkSection implements ReportSection {

    private final String title;
    private final NetworkDrawing drawing;
    private final String caption;

    public WannNetworkSection(String title, NetworkDrawing drawing, String caption) {
        this.title = title;
        this.drawing = drawing;
        this.caption = caption;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        out.start("div", "style", "overflow-x:auto");
        drawing.render(out, title);
        out.end("div");
        if (caption != null && !caption.isEmpty()) {
            out.element("p", caption, "class", "note").newline();
        }
    }
}
