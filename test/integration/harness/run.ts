/**
 * Runs the bundled integration suite inside a real VS Code: code-server (VS Code server +
 * web workbench) on loopback, its web workbench opened in headless Debian Chromium driven by
 * playwright-core. The extension under development and the tests run in code-server's Node
 * extension host with the full `vscode` API.
 *
 *   npx tsx test/integration/harness/run.ts      (after install.ts, `npm run build` and bundle.ts)
 *
 * Builds nothing. Exits with the code the tests report through `codeAutomationExit`
 * (0 = all passed), 1 on any harness failure or timeout.
 *
 * Environment:
 *   ACTIVATION_LAB_HARNESS_TIMEOUT_MS  overall time limit (default 300000 = 5 min)
 *   ACTIVATION_LAB_HARNESS_CACHE       where install.ts put code-server (see install.ts)
 *   ACTIVATION_LAB_HARNESS_KEEP=1      keep the temporary user-data/workspace folder
 *   ACTIVATION_LAB_HARNESS_VERBOSE=1   also echo code-server's and the workbench's own logs
 *   ACTIVATION_LAB_RELOAD_RUNS=N       run no suite, only the reload check, N times in a row
 *
 * Outputs (test-results/ is git-ignored):
 *   test-results/screenshots/integration.png  the workbench at the end of the run
 *   test-results/integration/code-server.log  code-server's output
 *   test-results/integration/workbench.log    everything codeAutomationLog forwarded
 *                                             (extension host console + workbench chatter)
 *   test-results/integration/browser.log      the workbench page's console
 */
import { type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { format } from 'util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { install, which, type Installation } from '../../../tools/vscode-server/install';
import { freePort, killGroup, PRIVATE_SERVER_ARGS, PRIVATE_USER_SETTINGS, spawnCodeServer, stopServer, waitForHealth } from '../../../tools/vscode-server/server';
import { reloadRestoresPanel, USER_PATH_STAGES, userPathStage } from './user-path';
import { visualStage, type StageResult } from './visual';
import { isLessonStage, lessonStage } from './lessons';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const FIXTURES = path.join(REPO_ROOT, 'test', 'integration', 'fixtures');
const RESULTS = path.join(REPO_ROOT, 'test-results');
const SCREENSHOT = path.join(RESULTS, 'screenshots', 'integration.png');
const LOG_DIR = path.join(RESULTS, 'integration');

/** Chromium flags that work headless as root on Debian (no sandbox, no GPU, no phoning home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunOptions {
  installation: Installation;
  /** Compiled tests module exporting `run()` (out/integration/index.js). */
  testsIndex: string;
  /** Folder of the extension under development (the repository root). */
  extensionPath?: string;
  timeoutMs?: number;
}

const verbose = process.env.ACTIVATION_LAB_HARNESS_VERBOSE === '1';

function log(msg: string): void {
  console.log(`[harness:run] ${msg}`);
}

const since = (t0: number) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** The workbench forwards console calls as (type, [format, ...args]): apply printf-style %s/%d. */
function formatArgs(args: unknown): string {
  const list = Array.isArray(args) ? args : [args];
  return format(...list);
}

/**
 * Workbench chatter that codeAutomationLog forwards along with the extension host's console:
 * kept in workbench.log, not echoed (set ACTIVATION_LAB_HARNESS_VERBOSE=1 to see it).
 */
const NOISE = [
  /^\[AgentHost/,
  /^\[ChatModelSelection\]/,
  /^\[AccountPolicyGate\]/,
  /^\[Service Worker\]/,
  /^\[reconnection-grace-time\]/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /open-vsx\.org|api\.github\.com|ENOTFOUND/,
];

/**
 * Settings for the throw-away profile: offline and private as `npm start`'s, and no welcome
 * page or git. Less noise and less work; nothing here changes how the extension under test runs.
 */
const USER_SETTINGS = {
  ...PRIVATE_USER_SETTINGS,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'git.enabled': false,
};

export async function runIntegrationTests(opts: RunOptions): Promise<number> {
  const t0 = Date.now();
  const extensionPath = opts.extensionPath ?? REPO_ROOT;
  const timeoutMs = opts.timeoutMs ?? (Number(process.env.ACTIVATION_LAB_HARNESS_TIMEOUT_MS) || 5 * 60_000);
  if (!fs.existsSync(opts.testsIndex)) throw new Error(`tests module not found: ${opts.testsIndex} (run bundle.ts)`);
  const mainJs = path.join(extensionPath, 'dist', 'extension.js');
  if (!fs.existsSync(mainJs)) throw new Error(`${mainJs} not found: run \`npm run build\` first`);

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const serverLog = fs.createWriteStream(path.join(LOG_DIR, 'code-server.log'));
  const browserLog = fs.createWriteStream(path.join(LOG_DIR, 'browser.log'));
  const workbenchLog = fs.createWriteStream(path.join(LOG_DIR, 'workbench.log'));

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lab-it-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  // Handshake folder of the visual check (suite/visual.test.ts <-> harness/visual.ts).
  const visualDir = path.join(tmp, 'visual');
  for (const d of [userDataDir, extensionsDir, workspace, visualDir]) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  if (fs.existsSync(FIXTURES)) fs.cpSync(FIXTURES, workspace, { recursive: true });

  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let timer: NodeJS.Timeout | undefined;
  // Last resort if the harness itself is killed or crashes: never leave code-server behind.
  const onExit = () => killGroup(server, 'SIGKILL');
  const onSignal = (sig: NodeJS.Signals) => {
    log(`${sig}: stopping`);
    killGroup(server, 'SIGKILL');
    if (process.env.ACTIVATION_LAB_HARNESS_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const args = [
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      ...PRIVATE_SERVER_ARGS,
      '--config', path.join(tmp, 'config.yaml'),
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      // Makes the web workbench honour extensionDevelopmentPath/extensionTestsPath in the URL
      // payload and call window.codeAutomationExit/codeAutomationLog.
      '--vscode-option', 'enable-smoke-test-driver',
      workspace,
    ];
    log(`temp folder: ${tmp}`);
    log(`starting code-server on ${base}`);
    const tServer = Date.now();
    server = spawnCodeServer(opts.installation, args, { cwd: tmp, env: { ACTIVATION_LAB_VISUAL_DIR: visualDir } });
    for (const s of [server.stdout!, server.stderr!]) {
      s.on('data', (b: Buffer) => {
        serverLog.write(b);
        if (verbose) process.stdout.write(`[code-server] ${b}`);
      });
    }

    const overall = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const serverDied = new Promise<never>((_, reject) =>
      server!.once('exit', (code, sig) => reject(new Error(`code-server exited (${code ?? sig}) during the run`))),
    );
    // Attach no-op catches: these only matter when raced below.
    overall.catch(() => undefined);
    serverDied.catch(() => undefined);

    await Promise.race([waitForHealth(base, server, 60_000, path.join(LOG_DIR, 'code-server.log')), overall]);
    log(`code-server answers after ${since(tServer)}`);

    const executablePath = which('chromium') ?? opts.installation.chromium;
    const tBrowser = Date.now();
    browser = await Promise.race([chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }), overall]);
    log(`chromium ${browser.version()} (${executablePath}) started in ${since(tBrowser)}`);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => {
      browserLog.write(`[${m.type()}] ${m.text()}\n`);
      if (verbose) console.log(`[browser:${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack ?? e.message}\n`));
    // Errors from webview frames (notebook outputs, renderer, lazy plotly chunk): printed at the end.
    const mainFrame = page.mainFrame();
    const webviewErrors: string[] = [];
    const webviewLike = /webview|renderer|plotly|vscode-resource|vscode-cdn/i;
    page.on('console', (m) => {
      if (m.type() !== 'error' && m.type() !== 'warning') return;
      const where = m.location().url;
      // Chromium's standard warning for every VS Code webview iframe: not ours.
      if (/allow-scripts and allow-same-origin/.test(m.text())) return;
      if (webviewLike.test(where) || webviewLike.test(m.text())) webviewErrors.push(`[console:${m.type()}] ${m.text()} (${where}:${m.location().lineNumber})`);
    });
    page.on('pageerror', (e) => {
      if (webviewLike.test(e.stack ?? e.message)) webviewErrors.push(`[pageerror] ${e.stack ?? e.message}`);
    });
    page.on('requestfailed', (r) => {
      browserLog.write(`[requestfailed] ${r.url()} ${r.failure()?.errorText}\n`);
      // ERR_ABORTED = the webview was disposed while loading (earlier tests close their
      // notebooks quickly); a failure to load the renderer shows up as any other error.
      if (r.frame() !== mainFrame && r.failure()?.errorText !== 'net::ERR_ABORTED') webviewErrors.push(`[requestfailed] ${r.url()}: ${r.failure()?.errorText}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) {
        browserLog.write(`[http ${r.status()}] ${r.url()}\n`);
        if (/renderer|plotly/.test(r.url())) webviewErrors.push(`[http ${r.status()}] ${r.url()}`);
      }
    });
    let visualChain: Promise<unknown> = Promise.resolve();
    const visualResults: StageResult[] = [];
    const userPathResults: { stage: string; ok: boolean; reason?: string; ms: number }[] = [];
    const onVisual = (stage: string) => {
      visualChain = visualChain.then(async () => {
        try {
          if (isLessonStage(stage)) {
            await lessonStage(page!, stage, visualDir, path.dirname(SCREENSHOT));
            return;
          }
          if ((USER_PATH_STAGES as readonly string[]).includes(stage)) {
            userPathResults.push(await userPathStage(page!, stage, visualDir, path.dirname(SCREENSHOT)));
            return;
          }
          const r = await visualStage(page!, stage, visualDir, path.dirname(SCREENSHOT), visualResults[visualResults.length - 1]);
          visualResults.push(r);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          log(`visual ${stage}: harness error: ${msg}`);
          fs.writeFileSync(path.join(visualDir, `${stage}.ack`), `fail: harness error: ${msg}`);
        }
      });
    };

    let reportExit!: (code: number) => void;
    const testsDone = new Promise<number>((r) => (reportExit = r));
    // What the extension logs of itself ("[activation-lab] ..."), with the time, for the reload check.
    const extensionLines: { at: number; line: string }[] = [];
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = formatArgs(args);
      workbenchLog.write(`[${type}] ${line}\n`);
      if (line.startsWith('[activation-lab] ')) extensionLines.push({ at: Date.now(), line: line.slice(17) });
      const visual = /^\[visual\] ready (\w+)/.exec(line);
      if (visual) onVisual(visual[1]!);
      if (!verbose && NOISE.some((re) => re.test(line))) return;
      if (type === 'error' || type === 'warn') console.error(`[exthost:${type}] ${line}`);
      else console.log(`[exthost] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      reportExit(Number(code));
    });

    const authority = `127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${opts.testsIndex}`],
    ];
    const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening ${url}`);
    const tTests = Date.now();
    // ACTIVATION_LAB_RELOAD_RUNS=N: no suite, only the reload check, N times in a row.
    const reloadRuns = Math.max(0, Math.floor(Number(process.env.ACTIVATION_LAB_RELOAD_RUNS) || 0));
    // The same URL, but suite/index.ts sees the `idle` file and runs nothing.
    if (reloadRuns) fs.writeFileSync(path.join(visualDir, 'idle'), '');
    await Promise.race([page.goto(url), overall, serverDied]);
    let code = reloadRuns ? 0 : await Promise.race([testsDone, overall, serverDied]);
    if (!reloadRuns) log(`tests reported exit code ${code} after ${since(tTests)} (page load + extension host + tests)`);
    await visualChain;
    // Skipped when a grep picks tests, unless ACTIVATION_LAB_RELOAD_CHECK=1.
    if (code === 0 && (reloadRuns || !process.env.ACTIVATION_LAB_TEST_GREP || process.env.ACTIVATION_LAB_RELOAD_CHECK === '1')) {
      // One check the extension host cannot make of itself: surviving a window reload.
      fs.writeFileSync(path.join(visualDir, 'idle'), '');
      const results: { ok: boolean; restoreMs: number }[] = [];
      for (let run = 1; run <= Math.max(1, reloadRuns); run++) {
        const tReload = Date.now();
        const extensionLog = (from: number) => extensionLines.filter((l) => l.at >= from).map((l) => `+${l.at - from} ms ${l.line}`);
        const result = await Promise.race([reloadRestoresPanel(page, url, path.dirname(SCREENSHOT), extensionLog, run), overall, serverDied])
          .catch(async (e: unknown) => {
            await page!.screenshot({ path: path.join(path.dirname(SCREENSHOT), 'reload-error.png'), timeout: 15_000 }).catch(() => undefined);
            return { failure: `harness error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, restoreMs: -1 };
          });
        const runName = reloadRuns ? `reload check ${run}/${reloadRuns}` : 'reload check';
        log(`${runName}: ${result.failure ? `FAIL: ${result.failure}` : `ok: the plot panel came back ${result.restoreMs} ms after the reload began`} (${since(tReload)} in all)`);
        results.push({ ok: !result.failure, restoreMs: result.restoreMs });
        if (result.failure) code = 1;
      }
      if (reloadRuns) {
        const times = results.filter((r) => r.ok).map((r) => r.restoreMs).sort((a, b) => a - b);
        log(`reload checks: ${times.length} of ${results.length} ok; restore times ${times.join(', ')} ms`);
      }
    }
    if (visualResults.length) {
      log(`visual check: ${visualResults.map((r) => `${r.stage} ${r.ok ? 'ok' : `FAIL (${r.reason})`} in ${(r.ms / 1000).toFixed(1)} s`).join('; ')}`);
    }
    if (userPathResults.length) {
      log(`user path: ${userPathResults.map((r) => `${r.stage} ${r.ok ? 'ok' : `FAIL (${r.reason})`} in ${(r.ms / 1000).toFixed(1)} s`).join('; ')}`);
    }
    if (visualResults.some((r) => !r.ok) && !webviewErrors.length) log('no errors from webview frames (see browser.log for everything)');
    if (webviewErrors.length) {
      log(`errors from webview frames (${webviewErrors.length}):`);
      for (const e of webviewErrors) console.error(`  ${e}`);
    }
    return code;
  } catch (err) {
    console.error(`[harness:run] FAILED: ${err instanceof Error ? err.message : err}`);
    console.error(`[harness:run] logs: ${LOG_DIR}`);
    return 1;
  } finally {
    if (timer) clearTimeout(timer);
    if (page) {
      try {
        await page.screenshot({ path: SCREENSHOT, timeout: 15_000 });
        log(`screenshot: ${path.relative(REPO_ROOT, SCREENSHOT)}`);
      } catch (e) {
        log(`no screenshot: ${e instanceof Error ? e.message : e}`);
      }
    }
    if (browser) await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
    await stopServer(server);
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    serverLog.end();
    browserLog.end();
    workbenchLog.end();
    if (process.env.ACTIVATION_LAB_HARNESS_KEEP === '1') log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
    log(`done in ${since(t0)}`);
  }
}

if (require.main === module) {
  (async () => {
    const installation = await install({ browser: true, log: (msg) => console.log(`[harness:install] ${msg}`) });
    const code = await runIntegrationTests({ installation, testsIndex: path.join(REPO_ROOT, 'out', 'integration', 'index.js') });
    process.exit(code);
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
