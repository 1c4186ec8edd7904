/**
 * The check of `npm start` (tools/start.ts) as a student uses it, run by `npm test` after the
 * integration suite (code-server is installed by then):
 *
 *   npx tsx test/integration/harness/start-check.ts
 *
 * 1. `npm start -- --no-browser --port P --data-dir TMP` in a process group of its own, as a
 *    terminal runs it; waits for the address it prints and for code-server's /healthz.
 * 2. Opens that address in headless Chromium (playwright-core): the workbench must show the
 *    workspace with the student's copy of examples/tour.actnb, which opens as an Activation Lab
 *    notebook with the Activation Lab kernel selected, and its first cell must run
 *    (`relu(linspace(-3, 3, 7))` shows a table of 0 0 0 0 1 2 3). When package.json contributes a
 *    walkthrough, the Welcome page must list it. Screenshot: test-results/screenshots/npm-start.png.
 *    The Extensions view must list Activation Lab, and neither the page nor code-server may have
 *    asked any other host for anything (no gallery, update check or telemetry).
 * 3. Ctrl+C: SIGINT to the whole process group, as a terminal sends it. npm must exit 0, and
 *    no process it started (npm, tsx, the script, code-server and everything code-server forked,
 *    recorded beforehand from /proc) may be left, nor anyone listening on the port.
 * 4. The class server: `npm start -- --host 0.0.0.0` prints a warning and a generated password,
 *    and code-server then asks for it (the workbench redirects to /login; the password logs in).
 *
 * Prints `N passing` / `N failing` (counted by .ci/run like mocha's) and exits 1 on a failure.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isInstalled, which } from '../../../tools/vscode-server/install';
import { freePort, httpStatus } from '../../../tools/vscode-server/server';
import { CHROMIUM_ARGS, REPO_ROOT } from './run';
import { pickInQuickInput } from './user-path';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

function log(msg: string): void {
  console.log(`[start-check] ${msg}`);
}

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Everything that held npm's output pipes (npm, tsx, the script) has exited. */
  closed: () => boolean;
}

/** `npm start -- ...args` in a process group of its own (its pid is the group's id). */
function npmStart(args: string[]): Started {
  let out = '';
  const child = spawn('npm', ['start', '--', ...args], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let closed = false;
  for (const s of [child.stdout!, child.stderr!]) s.on('data', (b: Buffer) => (out += b.toString()));
  child.once('close', () => (closed = true));
  return { child, output: () => out, closed: () => closed };
}

/** Waits until npm start's output matches `re`; throws with the output when it exits or `ms` pass. */
async function waitForOutput(started: Started, re: RegExp, ms: number): Promise<RegExpMatchArray> {
  const end = Date.now() + ms;
  for (;;) {
    const m = re.exec(started.output());
    if (m) return m;
    if (started.closed() || Date.now() > end) {
      throw new Error(`npm start ${started.closed() ? `ended (${started.child.exitCode ?? started.child.signalCode})` : `printed no ${re} within ${ms / 1000} s`}; its output:\n${started.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface ProcInfo { pid: number; ppid: number; pgrp: number; state: string; cmd: string }

/** Every process of this machine from /proc (pid, parent, process group, state). */
function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      out.push({ pid: Number(name), state: rest[0]!, ppid: Number(rest[1]), pgrp: Number(rest[2]), cmd });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** `root` and all its descendants, and every member of their process groups. */
function processTree(root: number): ProcInfo[] {
  const all = processes();
  const found = new Map<number, ProcInfo>();
  const add = (p: ProcInfo) => found.set(p.pid, p);
  for (const p of all) if (p.pid === root) add(p);
  for (let grew = true; grew; ) {
    grew = false;
    const groups = new Set([...found.values()].map((p) => p.pgrp));
    for (const p of all) {
      if (!found.has(p.pid) && (found.has(p.ppid) || groups.has(p.pgrp))) {
        add(p);
        grew = true;
      }
    }
  }
  return [...found.values()];
}

/** Of `recorded`, those still running (a zombie has exited: it only waits for its parent). */
function stillRunning(recorded: ProcInfo[]): ProcInfo[] {
  const now = new Map(processes().map((p) => [p.pid, p]));
  return recorded.filter((p) => {
    const q = now.get(p.pid);
    return q && q.state !== 'Z' && q.cmd === p.cmd;
  });
}

/** SIGINT to the group (what Ctrl+C in a terminal does); waits for npm to exit: its code, or the signal that ended it. */
async function ctrlC(started: Started, ms: number): Promise<number | string> {
  const exited = new Promise<number | string>((r) => started.child.once('exit', (code, sig) => r(code ?? sig ?? '?')));
  process.kill(-started.child.pid!, 'SIGINT');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms));
  const result = await Promise.race([exited, timeout]);
  if (result === 'timeout') {
    try {
      process.kill(-started.child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
    throw new Error(`npm start did not exit within ${ms / 1000} s of Ctrl+C`);
  }
  return result;
}

/** Text of every frame (notebook outputs live in nested webview iframes). */
async function framesText(page: Page): Promise<string> {
  const texts = await Promise.all(page.frames().map((f) => f.evaluate('document.body ? document.body.innerText : ""').catch(() => '')));
  return texts.join('\n');
}

async function waitFor(what: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The student's path in the workbench at `url`; returns why it failed, '' when it did not. */
async function workbenchShowsActivationLab(page: Page, url: string): Promise<string> {
  // Privacy: the page asks nothing of any host but ours. Webview resources have URLs on
  // *.vscode-resource.vscode-cdn.net that the webview's service worker answers from our server.
  const outbound: string[] = [];
  const ours = new URL(url).host;
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (/^https?:$/.test(u.protocol) && u.host !== ours && !u.hostname.endsWith('.vscode-resource.vscode-cdn.net')) outbound.push(r.url());
  });
  let shot = false;
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const explorer = page.locator('.explorer-folders-view');
    await explorer.waitFor({ timeout: 30_000 });
    if (!(await waitFor(async () => /examples/.test((await explorer.innerText()) ?? ''), 15_000))) return 'the Explorer shows no examples folder';
    const walkthroughs = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).contributes?.walkthroughs ?? []) as { title: string }[];
    if (walkthroughs.length) {
      const title = walkthroughs[0]!.title;
      const shown = await waitFor(async () => (await page.locator('.gettingStartedContainer').innerText().catch(() => '')).includes(title), 20_000);
      log(`walkthrough "${title}" on the Welcome page: ${shown}`);
      if (!shown) return `the Welcome page does not list the walkthrough "${title}"`;
    }
    await pickInQuickInput(page, 'Control+P', 'tour.actnb', 'tour.actnb');
    // The kernel picker in the notebook's toolbar names the selected kernel.
    const kernel = page.locator('.notebook-toolbar-container, .notebook-kernel-picker, .kernel-label').filter({ hasText: 'Activation Lab' }).first();
    await kernel.waitFor({ timeout: 30_000 });
    log('tour.actnb open with the Activation Lab kernel');
    // Run the first code cell (x = linspace(-3, 3, 7); relu(x)) with its run button, as a student does.
    const firstCode = page.locator('.code-cell-row').first();
    await firstCode.hover();
    const run = firstCode.locator('.run-button-container [aria-label^="Execute Cell"], .run-button-container [aria-label^="Run Cell"]').first();
    await run.click({ timeout: 10_000 });
    // The output's table of the tensor: `value  0 0 0 0 1 2 3` under `float64 tensor, shape [7]`.
    const ran = await waitFor(async () => /shape \[7\][\s\S]*value\s+0\s+0\s+0\s+0\s+1\s+2\s+3\b/.test(await framesText(page)), 45_000);
    await page.mouse.move(150, 500); // off the run button, whose tooltip would hide the cell's text
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'npm-start.png') });
    shot = true;
    if (!ran) return 'the first cell of tour.actnb did not show the values 0 0 0 0 1 2 3';
    log('the first cell ran: value 0 0 0 0 1 2 3');
    // The Extensions view is where VS Code would ask a gallery: it must list ours, and ask no one.
    await page.keyboard.press('Control+Shift+X');
    const listed = await waitFor(async () => /Activation Lab/.test(await page.locator('.extensions-viewlet').innerText().catch(() => '')), 15_000);
    if (!listed) return 'the Extensions view does not list Activation Lab as installed';
    await page.waitForTimeout(2_000);
    log(`requests to other hosts than ${ours}: ${outbound.length}`);
    if (outbound.length) return `the workbench asked other hosts: ${[...new Set(outbound)].slice(0, 5).join(', ')}`;
    return '';
  } finally {
    // What the page showed when a step failed before the screenshot of the notebook.
    if (!shot) await page.screenshot({ path: path.join(SCREENSHOTS, 'npm-start.png') }).catch(() => undefined);
  }
}

/** GET `url`: status and Location header. */
function get(url: string, headers: http.OutgoingHttpHeaders = {}): Promise<{ status: number; location?: string; cookie?: string[] }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location, cookie: res.headers['set-cookie'] });
    }).on('error', reject);
  });
}

function postForm(url: string, body: string): Promise<{ status: number; location?: string; cookie?: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location, cookie: res.headers['set-cookie'] });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs `npm start` with `args`, lets `check` look at it, then Ctrl+C and the leftover check. */
async function session(name: string, args: string[], check: (started: Started, port: number) => Promise<string>, firstInstall: boolean): Promise<string> {
  const port = await freePort();
  const started = npmStart([...args, '--port', String(port)]);
  let failure = '';
  let recorded: ProcInfo[] = [];
  try {
    await waitForOutput(started, /Press Ctrl\+C to stop/, firstInstall ? 15 * 60_000 : 90_000);
    if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) !== 200) failure = '/healthz does not answer 200';
    recorded = processTree(started.child.pid!);
    log(`${name}: ${recorded.length} processes (npm, tsx, the script, code-server and its children) in groups ${[...new Set(recorded.map((p) => p.pgrp))].join(', ')}`);
    if (!recorded.some((p) => /code-server/.test(p.cmd))) failure ||= 'no code-server process found under npm start';
    if (!failure) failure = await check(started, port);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  // Again now: the extension host and its helpers start only once a browser connects.
  const seen = new Set(recorded.map((p) => p.pid));
  for (const p of started.child.pid ? processTree(started.child.pid) : []) if (!seen.has(p.pid)) recorded.push(p);
  log(`${name}: ${recorded.length} processes before Ctrl+C: ${recorded.map((p) => p.cmd.split(' ').map((w) => w.replace(/^\/\S*\//, '')).slice(0, 3).join(' ').slice(0, 60)).join(' | ')}`);
  const t0 = Date.now();
  const code = await ctrlC(started, 30_000).catch((e: unknown) => {
    failure ||= e instanceof Error ? e.message : String(e);
    return -1;
  });
  log(`${name}: npm start exited with ${code} ${Date.now() - t0} ms after Ctrl+C`);
  // npm itself ends by the SIGINT the terminal sent it (as after any Ctrl+C), once its script has exited.
  if (code !== 0 && code !== 'SIGINT') failure ||= `npm start exited with ${code} after Ctrl+C, expected 0 or SIGINT`;
  // npm returns at once; its script goes on stopping code-server and says when it is done.
  await waitForOutput(started, /Stopped\./, 15_000).catch(() => (failure ||= 'npm start did not say "Stopped." within 15 s of Ctrl+C'));
  log(`${name}: stopped ${Date.now() - t0} ms after Ctrl+C`);
  // Bound: the group gets SIGTERM, then SIGKILL after 5 s; give the kernel a moment to reap.
  const left = await waitFor(async () => stillRunning(recorded).length === 0, 3_000).then(() => stillRunning(recorded));
  if (left.length) failure ||= `left running after Ctrl+C: ${left.map((p) => `${p.pid} ${p.cmd.slice(0, 120)}`).join('; ')}`;
  if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) !== 0) failure ||= `something still answers on port ${port}`;
  log(`${name}: ${failure ? `FAIL: ${failure}` : 'ok'}`);
  if (failure) console.log(`[start-check] ${name}: npm start's output:\n${started.output()}`);
  return failure;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const firstInstall = !isInstalled();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'activation-lab-start-'));
  let browser: Browser | undefined;
  const failures: string[] = [];
  try {
    browser = await chromium.launch({ executablePath: which('chromium'), headless: true, args: CHROMIUM_ARGS });
    // Left open through Ctrl+C, as a student's tab would be: the extension host lives while it is connected.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const student = await session('student', ['--no-browser', '--data-dir', data], async (started) => {
      const url = (await waitForOutput(started, /running in VS Code at:\s+(http:\/\/127\.0\.0\.1:\d+\/)/, 1_000))[1]!;
      if (/Password:|WARNING/.test(started.output())) return 'a password or warning was printed for 127.0.0.1';
      if (!fs.existsSync(path.join(data, 'workspace', 'examples', 'tour.actnb'))) return 'no copy of examples/tour.actnb in the workspace';
      log(`student: opening ${url}`);
      const failure = await workbenchShowsActivationLab(page, url);
      // ... and code-server asked no one either (no gallery, update check or telemetry lookups).
      const serverLog = fs.readFileSync(path.join(data, 'code-server', 'code-server.log'), 'utf8');
      const lookups = serverLog.split('\n').filter((l) => /ENOTFOUND|getaddrinfo|EAI_AGAIN|open-vsx|api\.github\.com/.test(l));
      return failure || (lookups.length ? `code-server tried the network: ${lookups.slice(0, 3).join(' | ')}` : '');
    }, firstInstall);
    failures.push(student);
    await page.close();
    const teacher = await session('class server', ['--no-browser', '--host', '0.0.0.0', '--data-dir', data], async (started, port) => {
      const out = started.output();
      if (!/WARNING: --host 0\.0\.0\.0/.test(out)) return 'no warning printed for --host 0.0.0.0';
      const password = /Password: (\S+)/.exec(out)?.[1];
      if (!password) return 'no password printed for --host 0.0.0.0';
      const anonymous = await get(`http://127.0.0.1:${port}/`);
      if (anonymous.status !== 302 || !/login/.test(anonymous.location ?? '')) return `the workbench answered ${anonymous.status} (${anonymous.location}) without a password, expected a redirect to /login`;
      const wrong = await postForm(`http://127.0.0.1:${port}/login`, 'password=wrong-password');
      if (wrong.cookie?.some((c) => /^code-server-session=[^;]+/.test(c))) return 'a wrong password got a session cookie';
      const right = await postForm(`http://127.0.0.1:${port}/login`, `password=${encodeURIComponent(password)}`);
      const cookie = right.cookie?.find((c) => /^code-server-session=[^;]+/.test(c));
      if (!cookie) return `the printed password did not log in (${right.status})`;
      const inside = await get(`http://127.0.0.1:${port}/`, { cookie: cookie.split(';')[0]! });
      log(`class server: without the password ${anonymous.status} -> ${anonymous.location}; with it ${inside.status} ${inside.location ?? ''}`);
      if (/login/.test(inside.location ?? '')) return 'logged in, the workbench still redirects to /login';
      return '';
    }, false);
    failures.push(teacher);
  } catch (e) {
    failures.push(e instanceof Error ? e.message : String(e));
  } finally {
    await browser?.close().catch(() => undefined);
    fs.rmSync(data, { recursive: true, force: true });
  }
  const failed = failures.filter(Boolean);
  console.log(`[start-check] ${failures.length - failed.length} passing, ${failed.length} failing (${((Date.now() - t0) / 1000).toFixed(1)} s); screenshot test-results/screenshots/npm-start.png`);
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[start-check] FAILED: ${err instanceof Error ? err.stack ?? err.message : err}`);
    process.exit(1);
  },
);
