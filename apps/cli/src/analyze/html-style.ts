/** The report's whole style sheet, inline so the one HTML file can be mailed or archived alone. */
export const REPORT_CSS = `
:root { color-scheme: light; --ok: #1a7f37; --bad: #b42318; --na: #8a5a00; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; margin: 0 auto;
  max-width: 1200px; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 4px; word-break: break-all; }
.meta, .note { color: var(--muted); margin: 2px 0; }
table { border-collapse: collapse; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 12px; color: var(--muted); }
.qualified { color: var(--ok); font-weight: 600; }
.not-qualified { color: var(--bad); font-weight: 600; }
.not-assessable { color: var(--na); font-weight: 600; }
.warn { color: var(--na); }
.legend span { display: inline-block; margin: 0 12px 4px 0; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px;
  border: 1px solid #0003; }
.card { display: flex; gap: 16px; border: 1px solid var(--line); border-radius: 6px; padding: 12px; margin: 12px 0;
  break-inside: avoid; }
.card img { max-height: 320px; flex: none; background: #000; }
.card .body { flex: 1; min-width: 0; }
.card table { width: 100%; }
.card p { margin: 2px 0; }
.correction { color: var(--bad); }
@media print { body { padding: 0; } .card { page-break-inside: avoid; } }
`;
