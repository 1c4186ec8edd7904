/**
 * Starting and stopping code-server (installed by ./install.ts): the parts `npm start`
 * (tools/start.ts) and the integration harness (test/integration/harness/run.ts) share.
 *
 * code-server runs detached, in a process group of its own, so that stopping it reaches the
 * processes it forks (the extension host, the pty host, file watchers) and a Ctrl+C in the
 * terminal reaches only the script that started it, which then stops the group in order.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import * as path from 'path';
import { cleanEnv, type Installation } from './install';

/**
 * code-server's own switches for a private, offline VS Code: no telemetry, no update check
 * (it would ask GitHub every 6 hours), no Workspace Trust prompt (the folder is ours, and a
 * restricted window would not run notebook cells).
 */
export const PRIVATE_SERVER_ARGS = ['--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'];

/**
 * code-server's environment for the same: no extension gallery (code-server's default is
 * open-vsx.org, which the workbench queries at startup and whenever the Extensions view opens).
 * Extensions still install from a .vsix.
 */
export const PRIVATE_SERVER_ENV: Readonly<NodeJS.ProcessEnv> = { EXTENSIONS_GALLERY: '{}' };

/**
 * VS Code user settings that keep it offline and quiet: telemetry off, no update or extension
 * gallery checks, no AI/chat features (they would offer to sign in), trust without asking.
 */
export const PRIVATE_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'npm.fetchOnlinePackageInfo': false,
};

/** A TCP port nobody listens on at the moment, on `host`. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether something already listens on host:port (then code-server could not bind it). */
export function portInUse(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(true));
    srv.listen(port, host, () => srv.close(() => resolve(false)));
  });
}

/**
 * The HTTP status of a GET of `url`, 0 when nothing answers. An https URL's certificate is not
 * checked: this asks whether our own server is up, not who it is.
 */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? (u: string, cb: (res: http.IncomingMessage) => void) => https.get(u, { rejectUnauthorized: false }, cb) : http.get;
    const req = get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Waits until code-server's `/healthz` answers 200; throws when it exits first or `limitMs` pass. */
export async function waitForHealth(base: string, server: ChildProcess, limitMs: number, logHint = ''): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`code-server exited early (${server.exitCode ?? server.signalCode})${logHint ? `; see ${logHint}` : ''}`);
    }
    if ((await httpStatus(`${base}/healthz`)) === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${base}/healthz within ${limitMs / 1000} s`);
}

/**
 * Starts code-server with Node 24 in a process group of its own, its output piped, without the
 * extension gallery. `args` are code-server's (the entry script is added here); `env` adds to a
 * clean environment.
 */
export function spawnCodeServer(installation: Installation, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): ChildProcess {
  return spawn(installation.nodeBin, [installation.codeServerEntry, ...args], {
    cwd: opts.cwd,
    env: { ...cleanEnv(), ...PRIVATE_SERVER_ENV, ...opts.env, PATH: `${path.dirname(installation.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so killGroup() also reaches the extension host
  });
}

/** Kills a detached child and everything in its process group (code-server forks its extension host). */
export function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs` if code-server has not exited by then. */
export async function stopServer(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  killGroup(child, 'SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') killGroup(child, 'SIGKILL');
  // The group may outlive its leader (a forked helper finishing its work): no one is left behind.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* the group is empty */
  }
}
