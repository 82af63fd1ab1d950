package dev.connectome.report;

/**
 * One titled part of a report: the extension point through which every feature contributes to a
 * report. A section carries its own data (it is built from it), and renders into the given writer.
 *
 * <p>To add a section, write one class that implements this interface and add it to a
 * {@link Report.Builder}; nothing else needs to change. Sections must write complete fragments
 * (every element they open, they close) and should draw with inline SVG rather than images, so the
 * report stays one self-contained file.
 */
public interface ReportSection {

    /** Heading of the section, also its entry in the table of contents. */
    String title();

    /** Writes the section body (below its heading). */
    void render(ReportContext context, HtmlWriter out);
}
