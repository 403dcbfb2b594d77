const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML content and quoted attributes: a patient called
 * `<script>` prints as the word, never runs.
 *
 * @example escapeHtml('<b>Ada & "Al"</b>') // '&lt;b&gt;Ada &amp; &quot;Al&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

/** What every pack page carries: no script runs, nothing is fetched, so the file opens the same offline. */
const pageStyle = `
  body { font: 11pt/1.35 system-ui, sans-serif; color: #000; margin: 1.5em; }
  header p { margin: 0; }
  h1 { font-size: 16pt; margin: 0.2em 0; }
  table { border-collapse: collapse; width: 100%; margin-top: 0.6em; }
  th, td { border: 1px solid #777; padding: 0.25em 0.45em; text-align: left; vertical-align: top; }
  th { background: #eee; }
  .written { color: #444; font-size: 9pt; margin-top: 0.8em; }
  section + section { margin-top: 2em; }
  @media print {
    body { margin: 0; }
    section { break-after: page; page-break-after: always; }
    section:last-of-type { break-after: auto; page-break-after: auto; }
    section + section { margin-top: 0; }
    th { background: none; }
  }
`;

/**
 * A whole self-contained HTML page around `body` (already escaped): inline
 * CSS only, and a Content-Security-Policy that forbids scripts and every
 * fetch, in case a name ever slipped past the escaping.
 *
 * @example htmlPage({ lang: 'en-GB', title: 'Day sheet', body: '<p>…</p>' })
 */
export function htmlPage(page: { lang: string; title: string; body: string }): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${pageStyle}</style>`,
    '</head>',
    `<body>${page.body}</body>`,
    '</html>',
    '',
  ].join('\n');
}
