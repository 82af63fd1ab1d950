package dev.connectome.report;

/** The report's one inline stylesheet: system fonts only, readable on screen and on paper. */
final class ReportCss {

    private ReportCss() {
    }

    static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 3rem; color: #1f2328;
                   background: #fff; line-height: 1.45; }
            header h1 { margin: 0 0 .2rem; font-size: 1.7rem; }
            .subtitle { margin: 0; color: #57606a; }
            nav ul { list-style: none; padding: 0; margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
            nav a { color: #0969da; text-decoration: none; }
            section { margin: 2rem 0; }
            h2 { font-size: 1.25rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
            table { border-collapse: collapse; font-size: .92rem; }
            th, td { text-align: left; padding: .3rem .7rem; border-bottom: 1px solid #eaeef2; vertical-align: top; }
            th { background: #f6f8fa; font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.mono, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem;
                             overflow-wrap: break-word; }
            .scroll { overflow-x: auto; }
            .cards { display: flex; flex-wrap: wrap; gap: .8rem; margin: .5rem 0 1rem; }
            .card { border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
            .card .label { color: #57606a; font-size: .8rem; }
            .card .value { font-size: 1.2rem; font-weight: 600; }
            .note { color: #57606a; font-size: .9rem; }
            .error { color: #cf222e; }
            svg { max-width: 100%; height: auto; }
            svg text { font-family: system-ui, "DejaVu Sans", sans-serif; }
            footer { margin-top: 3rem; color: #57606a; font-size: .8rem; }
            """;
}
