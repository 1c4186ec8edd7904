import { strict as assert } from 'assert';
import { panelHtml } from '../../../../src/services/plots/panel-html';

describe('the plot panel page', () => {
  const source = 'https://file+.vscode-resource.vscode-cdn.net';
  const html = panelHtml(source, `${source}/ext/dist/panel.js`);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';

  it('has a strict Content-Security-Policy: nothing by default, scripts only from the extension', () => {
    assert.equal(directive('default-src'), "default-src 'none'");
    assert.equal(directive('script-src'), `script-src ${source}`);
    assert.doesNotMatch(csp, /unsafe-eval|https?:\/\/(?!file\+)|\*/, 'no eval, no remote hosts, no wildcards');
    assert.doesNotMatch(directive('script-src'), /unsafe-inline/);
  });

  it('loads its one script as a module from dist and has no inline script', () => {
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0][1], /type="module" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/panel\.js"/);
    assert.equal(scripts[0][2].trim(), '');
    assert.doesNotMatch(html, /\son\w+=/i, 'no inline event handlers');
  });

  it('escapes the script address', () => {
    assert.match(panelHtml(source, `${source}/a"b<c.js`), /src="[^"]*a&quot;b&lt;c\.js"/);
  });
});
