/**
 * Smoke test: the extension loads and activates inside a real VS Code (code-server's
 * Node extension host, driven by test/integration/harness/run.ts).
 */
import { strict as assert } from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'activation-lab.activation-lab';

describe('Activation Lab in a real VS Code', () => {
  it('runs in a real VS Code extension host', () => {
    console.log(`vscode.version = ${vscode.version} (${vscode.env.appName}, uiKind=${vscode.UIKind[vscode.env.uiKind]}, remoteName=${vscode.env.remoteName ?? 'none'}, node ${process.version})`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
  });

  it(`has ${EXTENSION_ID} and activates it`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    console.log(`activated ${ext.id} from ${ext.extensionUri.toString()}`);
  });
});

describe('integration workspace', () => {
  it('is a temporary copy of test/integration/fixtures', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const readme = vscode.Uri.joinPath(folder.uri, 'README.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(readme));
    assert.match(text, /Integration-test workspace/);
    console.log(`workspace folder: ${folder.uri.toString()}`);
  });
});
