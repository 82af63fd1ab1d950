/**
 * Self-contained HTML reports: {@link dev.connectome.report.Report} assembles
 * {@link dev.connectome.report.ReportSection}s (the extension point: one class per section) into one
 * file with inline CSS and SVG, written through the escaping {@link dev.connectome.report.HtmlWriter}.
 */
package dev.connectome.report;
