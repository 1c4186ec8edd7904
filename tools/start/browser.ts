/**
 * Opening the user's default browser on a URL, where there is one: `open` on macOS, `start` on
 * Windows, `xdg-open` on Linux with a graphical session. Without a display (a server, a
 * container, SSH) nothing is tried: xdg-open would fall back to a text browser in this very
 * terminal. Never fails: the URL is printed anyway.
 */
import { spawn, spawnSync } from 'child_process';

/** The command that opens `url`, or undefined where no browser can be opened. */
export function browserCommand(url: string, platform = process.platform, env = process.env): [string, string[]] | undefined {
  if (platform === 'darwin') return ['open', [url]];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return spawnSync('which', ['xdg-open'], { stdio: 'ignore' }).status === 0 ? ['xdg-open', [url]] : undefined;
}

/** Asks for `url` in the default browser; returns whether a browser was asked at all. */
export function openBrowser(url: string): boolean {
  const command = browserCommand(url);
  if (!command) return false;
  try {
    const child = spawn(command[0], command[1], { stdio: 'ignore', detached: true, windowsVerbatimArguments: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
