/**
 * The plot panel's page: no inline script, scripts only from the extension's own files
 * (`cspSource`), no network. Pure, so its policy is unit-tested.
 */
import { escapeXml } from '../../shared/svg-plot';

export function panelHtml(cspSource: string, scriptUri: string): string {
  // plotly inserts <style> elements and sets style attributes, hence 'unsafe-inline' for styles only;
  // data: images are plotly's own (its "download as png" button).
  const csp = [
    "default-src 'none'",
    `script-src ${cspSource}`,
    `style-src ${cspSource} 'unsafe-inline'`,
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style>
  body { color: var(--vscode-editor-foreground); font-family: var(--vscode-font-family); padding: 8px 16px; }
  .title { font-size: 1.2em; font-weight: 600; margin: 4px 0 8px; }
  .note { opacity: 0.8; margin-bottom: 4px; }
  /* no height: a chart is exactly as high as its figure (src/renderer/live-charts.ts) */
  .chart { width: 100%; }
  .error { color: var(--vscode-errorForeground); }
</style>
<title>Activation Lab plot</title>
</head>
<body>
<main id="plot-root"><div class="note">Loading plot…</div></main>
<script type="module" src="${escapeXml(scriptUri)}"></script>
</body>
</html>`;
}

