/**
 * The "Get started with Activation Lab" walkthrough and what the .vsix ships: every step has an
 * image that exists (well-formed SVG with a title) and alt text, a completion event, and only
 * commands that exist; the lessons are in the package (`vsce ls`) and their solutions are not, nor is the CLI; the
 * exported page's scripts are.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { ROOT } from '../cli/cli-harness';
import { NEW_NOTEBOOK_CELL } from '../../../src/notebook/new-notebook-cell';
import { Session } from '../../../src/language/runtime/session';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly svg?: string; readonly image?: string; readonly altText?: string };
  readonly completionEvents: string[];
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const walkthrough = pkg.contributes.walkthroughs[0] as { id: string; title: string; steps: Step[] };
const ourCommands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
/** Commands of VS Code itself that a step may use. */
const WORKBENCH_COMMANDS = new Set(['workbench.action.terminal.new']);
/** The context keys the extension sets as steps are done (src/notebook/walkthrough-progress.ts). */
const contextKeys = (): Set<string> => {
  const source = readFileSync(join(ROOT, 'src', 'notebook', 'walkthrough-progress.ts'), 'utf8');
  return new Set([...source.matchAll(/'(activationLab\.walkthrough\.\w+)'/g)].map((m) => m[1]!));
};

describe('package: the walkthrough and the packaged lessons', function () {
  this.timeout(60_000);

  it('is "Get started with Activation Lab" with five to seven steps covering the first hour', () => {
    assert.equal(walkthrough.title, 'Get started with Activation Lab');
    assert.ok(walkthrough.steps.length >= 5 && walkthrough.steps.length <= 7, `${walkthrough.steps.length} steps`);
    const titles = walkthrough.steps.map((s) => s.title.toLowerCase()).join(' | ');
    for (const words of ['lesson', 'run a cell', 'hover', 'palette', 'slider', 'train', 'export']) assert.ok(titles.includes(words), `a step about ${words}: ${titles}`);
    assert.equal(new Set(walkthrough.steps.map((s) => s.id)).size, walkthrough.steps.length, 'step ids are unique');
  });

  it('each step has an existing SVG image with alt text, well-formed, titled, nothing remote', () => {
    for (const step of walkthrough.steps) {
      const file = step.media.svg ?? step.media.image;
      assert.ok(file, `${step.id}: media`);
      assert.ok((step.media.altText ?? '').length >= 20, `${step.id}: alt text`);
      const path = join(ROOT, file);
      assert.ok(existsSync(path), `${step.id}: ${file} exists`);
      const svg = readFileSync(path, 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*role="img"/, `${file}: an SVG image`);
      assert.match(svg, /<title id="t">[^<]+<\/title>/, `${file}: titled`);
      assert.ok(!/href=|<script|<image/i.test(svg), `${file}: no links, scripts or embedded images`);
      // well-formed enough: every opened element is closed, in order
      const stack: string[] = [];
      for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
        if (m[3] === '/') continue;
        if (m[1] === '/') assert.equal(stack.pop(), m[2], `${file}: </${m[2]}> closes what it opened`);
        else stack.push(m[2]!);
      }
      assert.deepEqual(stack, [], `${file}: every element closed`);
    }
  });

  it('each step completes on an event: a command that exists or a context key the extension sets', () => {
    const keys = contextKeys();
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents.length > 0, `${step.id}: a completion event`);
      for (const event of step.completionEvents) {
        const [kind, name] = event.split(/:(.*)/s) as [string, string];
        if (kind === 'onCommand') assert.ok(ourCommands.has(name) || WORKBENCH_COMMANDS.has(name), `${step.id}: ${name} is a command`);
        else if (kind === 'onContext') assert.ok(keys.has(name), `${step.id}: ${name} is set by walkthrough-progress.ts`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
      // the links in a description run commands that exist, with lessons that exist
      for (const m of step.description.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
        assert.ok(ourCommands.has(m[1]!) || WORKBENCH_COMMANDS.has(m[1]!), `${step.id}: link to ${m[1]}`);
        if (m[1] === 'activationLab.openLesson' && m[2]) {
          const [id] = JSON.parse(decodeURIComponent(m[2])) as string[];
          assert.ok(existsSync(join(ROOT, 'lessons', `${id}.actnb`)), `${step.id}: lesson ${id} exists`);
        }
      }
    }
  });

  it('declares Open Lesson, and New Notebook starts with a commented example that runs', () => {
    assert.ok(ourCommands.has('activationLab.openLesson'));
    assert.match(NEW_NOTEBOOK_CELL, /^# /);
    const d = new Session().run(NEW_NOTEBOOK_CELL).display;
    assert.equal(d.kind, 'table', JSON.stringify(d).slice(0, 200));
  });

  it('the .vsix holds the lessons and the walkthrough images, and not the solutions (vsce ls)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = new Set(r.stdout.split('\n').map((l) => l.trim()).filter(Boolean));
    for (const f of readdirSync(join(ROOT, 'lessons'))) assert.ok(files.has(`lessons/${f}`), `lessons/${f} is packaged`);
    for (const step of walkthrough.steps) assert.ok(files.has(step.media.svg!), `${step.media.svg} is packaged`);
    assert.ok(![...files].some((f) => f.includes('lessons-solved')), 'no solutions in the package');
    // Export Notebook as HTML inlines these two into the page; the CLI is not shipped
    for (const f of ['dist/export-page.js', 'dist/plotly.min.js']) assert.ok(files.has(f), `${f} is packaged (the exported page needs it)`);
    assert.ok(!files.has('dist/cli.js'), 'the command-line tool is for npm users');
  });
});
