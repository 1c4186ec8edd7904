import { strict as assert } from 'assert';
import { parse } from 'jsonc-parser';
import { withSettings } from '../../../../tools/start/user-settings';

describe("npm start: VS Code's user settings (tools/start/user-settings.ts)", () => {
  const enforced = { 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' };

  it('writes the enforced settings when there is no file', () => {
    assert.deepEqual(JSON.parse(withSettings(undefined, enforced)), enforced);
  });

  it("keeps the student's settings and comments, and sets ours again where they were changed", () => {
    const text = '{\n  // my theme\n  "workbench.colorTheme": "Default Dark Modern",\n  "telemetry.telemetryLevel": "all",\n}\n';
    const out = withSettings(text, enforced);
    assert.match(out, /\/\/ my theme/);
    assert.deepEqual(parse(out), { 'workbench.colorTheme': 'Default Dark Modern', ...enforced });
  });

  it('leaves a file that already holds them byte for byte as it is', () => {
    const text = '{\n  "update.mode": "none",\n  "telemetry.telemetryLevel": "off"\n}\n';
    assert.equal(withSettings(text, enforced), text);
  });

  it('refuses a file it cannot parse, naming line and column, rather than overwrite it', () => {
    assert.throws(() => withSettings('{\n  "a": 1,\n  oops\n}', enforced, 'settings.json'), /settings\.json cannot be read at line 3, column 3/);
    assert.throws(() => withSettings('[1, 2]', enforced), /not an object/);
  });
});
