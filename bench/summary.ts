/**
 * `npm run bench` (last step): one list of every target the bench scripts check, read from
 * what they wrote to bench/results/ (activations.json from run.ts, language.json,
 * network.json, memory.json), each PASS or MISS, and how many of each. A measurement,
 * not a test: exits 0 whatever it finds.
 *
 * Scripts write `targets` as a list of { description, status } (run.ts) or as a map from
 * description to true/false (the others); both are read. A results file much older than
 * the newest is marked, since it comes from an earlier run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const FILES: readonly [string, string][] = [
  ['activations.json', 'bench/run.ts'], ['language.json', 'bench/language.ts'],
  ['network.json', 'bench/network.ts'], ['memory.json', 'bench/memory.ts'],
];
/** A file written this long before the newest one is from an earlier run. */
const STALE_MS = 30 * 60 * 1000;

interface Line { readonly pass: boolean; readonly text: string }

function passed(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value && typeof value === 'object') {
    const v = value as { status?: unknown; pass?: unknown; met?: unknown };
    if (typeof v.status === 'string') return v.status === 'PASS';
    if (typeof v.pass === 'boolean') return v.pass;
    if (typeof v.met === 'boolean') return v.met;
  }
  return false;
}

function targetsOf(json: { targets?: unknown }): Line[] {
  const targets = json.targets;
  if (Array.isArray(targets)) {
    return targets.map((t: { id?: unknown; description?: unknown; misses?: unknown[] }) => ({
      pass: passed(t),
      text: `${t.id !== undefined ? `(${String(t.id)}) ` : ''}${String(t.description)}${Array.isArray(t.misses) && t.misses.length ? `: ${t.misses.length} missed (${t.misses.slice(0, 3).join('; ')}${t.misses.length > 3 ? '; …' : ''})` : ''}`,
    }));
  }
  if (targets && typeof targets === 'object') return Object.entries(targets).map(([text, v]) => ({ pass: passed(v), text }));
  return [];
}

const dir = path.join(__dirname, 'results');
const read = FILES.map(([file, script]) => {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) return { file, script, missing: true as const };
  const json = JSON.parse(fs.readFileSync(full, 'utf8')) as { generated?: string; targets?: unknown };
  const generated = json.generated ? Date.parse(json.generated) : fs.statSync(full).mtimeMs;
  return { file, script, missing: false as const, generated, lines: targetsOf(json) };
});
const newest = Math.max(...read.map((r) => (r.missing ? 0 : r.generated)));

console.log('Issue 16 targets, all bench scripts');
let pass = 0, miss = 0;
for (const r of read) {
  if (r.missing) {
    console.log(`  ${r.script}: no ${r.file} (not run)`);
    continue;
  }
  const stale = newest - r.generated > STALE_MS ? ', from an earlier run' : '';
  console.log(`  ${r.script} (${new Date(r.generated).toISOString()}${stale})`);
  for (const l of r.lines) {
    console.log(`    ${l.pass ? 'PASS' : 'MISS'}  ${l.text}`);
    if (l.pass) pass++;
    else miss++;
  }
}
console.log(`  ${pass} PASS, ${miss} MISS`);
