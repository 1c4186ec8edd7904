import { strict as assert } from 'assert';
import { browserCommand } from '../../../../tools/start/browser';

describe('npm start: opening the default browser (tools/start/browser.ts)', () => {
  const url = 'http://127.0.0.1:8080/';

  it('uses open on macOS and start on Windows', () => {
    assert.deepEqual(browserCommand(url, 'darwin', {}), ['open', [url]]);
    assert.deepEqual(browserCommand(url, 'win32', {}), ['cmd', ['/c', 'start', '""', url]]);
  });

  it('tries nothing on Linux without a graphical session (xdg-open would start a text browser here)', () => {
    assert.equal(browserCommand(url, 'linux', {}), undefined);
  });

  it('uses xdg-open on Linux with a display, when it is installed', () => {
    const cmd = browserCommand(url, 'linux', { DISPLAY: ':0' });
    if (cmd) assert.deepEqual(cmd, ['xdg-open', [url]]);
    assert.deepEqual(browserCommand(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' }), cmd);
  });
});
