/**
 * The layers of ARCHITECTURE.md, enforced: every import in src/ is read and checked
 * against the rules below. A failure names the file, the line and the rule it breaks.
 *
 * The checker is a pure function over file texts, so the tests also plant violations
 * in small made-up trees and check that each rule catches its own.
 */
import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { builtinModules } from 'module';
import { dirname, join, normalize, relative } from 'path';

type Layer = 'engine' | 'language' | 'shared' | 'services' | 'renderer' | 'page' | 'vscode' | 'cli' | 'wiring';

/** The VS Code side: one folder per feature; they never import each other. */
const VSCODE_FOLDERS = ['hover', 'completion', 'commands', 'notebook'];

/** Which layers each layer may import (its own always). Lower layers never import higher ones. */
const MAY_IMPORT: Readonly<Record<Layer, readonly Layer[]>> = {
  engine: [],
  shared: [],
  language: ['engine', 'shared'],
  services: ['engine', 'language', 'shared'],
  renderer: ['engine', 'language', 'shared'],
  // the exported HTML page (Node): drawn with the renderer's figure builders, for the CLI and the Export command
  page: ['engine', 'language', 'shared', 'services', 'renderer'],
  vscode: ['engine', 'language', 'shared', 'services'],
  cli: ['engine', 'language', 'shared', 'services', 'renderer', 'page'],
  wiring: ['engine', 'language', 'shared', 'services', 'renderer', 'page', 'vscode', 'cli'],
};

/** Layers whose outside users go through one entry file. */
const ENTRY_FILES: Partial<Record<Layer, string>> = { engine: 'engine/index.ts', language: 'language/index.ts' };

/** Bundles that run without VS Code (the CLI, the kernel's worker thread): `vscode` must not be reachable. */
const NODE_ENTRIES = ['cli.ts', 'services/kernel/kernel-worker-main.ts'];
/** Bundles that run in a browser (notebook outputs, the plot panel): no Node built-in may be reachable. */
const BROWSER_ENTRIES = ['renderer/index.ts', 'renderer/panel.ts', 'renderer/export-page.ts'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function layerOf(file: string): { layer: Layer; feature?: string } {
  const [top] = file.split('/');
  if (file === 'extension.ts' || file === 'cli.ts') return { layer: 'wiring' };
  if (VSCODE_FOLDERS.includes(top!)) return { layer: 'vscode', feature: top };
  if (['engine', 'language', 'shared', 'services', 'renderer', 'page', 'cli'].includes(top!)) return { layer: top as Layer };
  throw new Error(`${file}: not in a known folder of src/ (see ARCHITECTURE.md)`);
}

interface Import {
  readonly line: number;
  readonly specifier: string;
  /** `import type` / `export type`: erased from the bundle, so it does not make anything reachable. */
  readonly typeOnly: boolean;
}

/** `{ type A, type B }`: every named item is a type. */
function onlyTypes(clause: string | undefined): boolean {
  const names = /^\{([^}]*)\}$/.exec(clause?.trim() ?? '')?.[1]?.split(',').map((n) => n.trim()).filter(Boolean);
  return Boolean(names?.length) && names!.every((n) => n.startsWith('type '));
}

/** Every static import, re-export, dynamic import() and require() of a file, with its line. */
export function importsOf(source: string): Import[] {
  const found: Import[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const [i, re] of patterns.entries()) {
    for (const m of source.matchAll(re)) {
      const line = source.slice(0, m.index).split('\n').length + (i === 0 ? (m[0].match(/^\s*/)![0].split('\n').length - 1) : 0);
      found.push(i === 0 ? { line, specifier: m[3]!, typeOnly: Boolean(m[1]) || onlyTypes(m[2]) } : { line, specifier: m[1]!, typeOnly: false });
    }
  }
  return found;
}

/** `files`: paths relative to src/ → their text. Returns one line per violation. */
export function checkLayers(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const resolve = (from: string, specifier: string): string | undefined => {
    const base = normalize(join(dirname(from), specifier)).replace(/\\/g, '/');
    return [`${base}.ts`, `${base}/index.ts`].find((f) => files.has(f));
  };
  const edges = new Map<string, { target: string; typeOnly: boolean }[]>();
  for (const [file, source] of files) {
    const from = layerOf(file);
    const out: { target: string; typeOnly: boolean }[] = [];
    edges.set(file, out);
    for (const { line, specifier, typeOnly } of importsOf(source)) {
      const at = `src/${file}:${line}`;
      if (specifier === 'vscode') {
        if (from.layer !== 'vscode' && file !== 'extension.ts') problems.push(`${at}: imports vscode outside the VS Code side (${VSCODE_FOLDERS.join('/, ')}/, extension.ts)`);
        out.push({ target: 'vscode', typeOnly });
        continue;
      }
      if (!specifier.startsWith('.')) {
        if (NODE_BUILTINS.has(specifier)) {
          if (from.layer === 'renderer') problems.push(`${at}: the renderer runs in a browser and imports the Node built-in '${specifier}'`);
          out.push({ target: `node:${specifier.replace(/^node:/, '')}`, typeOnly });
        }
        continue;
      }
      const target = resolve(file, specifier);
      if (!target) continue; // a bundle beside dist/ at run time ('./mathjax-renderer.js')
      out.push({ target, typeOnly });
      const to = layerOf(target);
      if (to.layer === from.layer) {
        if (from.layer === 'vscode' && to.feature !== from.feature) problems.push(`${at}: ${from.feature}/ imports ${target} sideways: VS Code feature folders do not import each other (pass the dependency in from extension.ts)`);
        continue;
      }
      if (!MAY_IMPORT[from.layer].includes(to.layer)) problems.push(`${at}: ${from.layer} must not import ${to.layer} (${target}): imports go down the layers`);
      const entry = ENTRY_FILES[to.layer];
      if (entry && target !== entry) problems.push(`${at}: imports ${target} from outside the ${to.layer} layer: go through ${entry}`);
      if (from.layer === 'language' && to.layer === 'shared' && !typeOnly) {
        problems.push(`${at}: the language imports presentation (${target}); it may import only types from src/shared`);
      }
    }
  }
  const reachable = (entry: string): Map<string, string> => {
    // node -> the file that first reached it, for the message
    const seen = new Map<string, string>([[entry, entry]]);
    const queue = [entry];
    while (queue.length) {
      const file = queue.shift()!;
      for (const e of edges.get(file) ?? []) {
        if (e.typeOnly || seen.has(e.target)) continue;
        seen.set(e.target, file);
        if (files.has(e.target)) queue.push(e.target);
      }
    }
    return seen;
  };
  for (const entry of NODE_ENTRIES.filter((e) => files.has(e))) {
    const via = reachable(entry).get('vscode');
    if (via) problems.push(`src/${entry}: reaches vscode (imported by src/${via}); this bundle runs without VS Code`);
  }
  for (const entry of BROWSER_ENTRIES.filter((e) => files.has(e))) {
    for (const [node, via] of reachable(entry)) {
      if (node.startsWith('node:')) problems.push(`src/${entry}: reaches the Node built-in '${node.slice(5)}' (imported by src/${via}); this bundle runs in a browser`);
    }
  }
  return problems;
}

function sourceTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.set(relative(root, full).replace(/\\/g, '/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

describe('architecture: the layers of ARCHITECTURE.md', () => {
  const src = sourceTree(join(__dirname, '..', '..', 'src'));

  it('src/ keeps every rule', () => {
    assert.ok(src.size > 100, 'read the source tree');
    assert.deepEqual(checkLayers(src), []);
  });

  it('finds the imports of a file, with their lines', () => {
    const found = importsOf("import * as vscode from 'vscode';\nimport type { A } from './a';\n\nexport { b } from '../b';\nconst c = require('./c');\nawait import('./d');\n");
    assert.deepEqual(found.map((i) => [i.line, i.specifier, i.typeOnly]).sort((x, y) => (x[0] as number) - (y[0] as number)), [
      [1, 'vscode', false], [2, './a', true], [4, '../b', false], [5, './c', false], [6, './d', false],
    ]);
  });

  const tree = (entries: Record<string, string>) => new Map(Object.entries(entries));
  const base = {
    'engine/index.ts': "export * from './tensor';",
    'engine/tensor.ts': 'export const t = 1;',
    'language/index.ts': "export { t } from '../engine';",
    'shared/output.ts': 'export type D = number;',
    'shared/svg.ts': 'export const svg = 1;',
  };

  it('catches vscode outside the VS Code side, and reached from the CLI or the kernel worker', () => {
    const problems = checkLayers(tree({
      ...base,
      'services/kernel/kernel-worker-main.ts': "import { x } from '../x';",
      'services/x.ts': "import * as vscode from 'vscode';\nexport const x = vscode;",
    }));
    assert.ok(problems.some((p) => p.startsWith('src/services/x.ts:1: imports vscode outside the VS Code side')), problems.join('\n'));
    assert.ok(problems.some((p) => /^src\/services\/kernel\/kernel-worker-main\.ts: reaches vscode \(imported by src\/services\/x\.ts\)/.test(p)), problems.join('\n'));
  });

  it('catches imports up the layers, sideways between VS Code folders, and past an entry file', () => {
    const problems = checkLayers(tree({
      ...base,
      'engine/up.ts': "import { x } from '../language';",
      'hover/h.ts': "import { c } from '../completion/c';",
      'completion/c.ts': "export const c = 1;",
      'services/s.ts': "\n\nimport { t } from '../engine/tensor';",
    }));
    assert.ok(problems.some((p) => p.startsWith('src/engine/up.ts:1: engine must not import language')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('src/hover/h.ts:1: hover/ imports completion/c.ts sideways')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('src/services/s.ts:3: imports engine/tensor.ts from outside the engine layer: go through engine/index.ts')), problems.join('\n'));
  });

  it('catches presentation imported by the language and Node built-ins in the renderer, directly or reached', () => {
    const problems = checkLayers(tree({
      ...base,
      'language/show.ts': "import { svg } from '../shared/svg';\nimport type { D } from '../shared/output';\nimport { type D as E } from '../shared/output';",
      'renderer/index.ts': "import { f } from './f';",
      'renderer/f.ts': "import { readFileSync } from 'fs';\nexport const f = readFileSync;",
    }));
    assert.ok(problems.some((p) => p.startsWith('src/language/show.ts:1: the language imports presentation')), problems.join('\n'));
    assert.ok(!problems.some((p) => /^src\/language\/show\.ts:[23]:/.test(p)), 'types from the output contract are fine');
    assert.ok(problems.some((p) => p.startsWith("src/renderer/f.ts:1: the renderer runs in a browser and imports the Node built-in 'fs'")), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith("src/renderer/index.ts: reaches the Node built-in 'fs' (imported by src/renderer/f.ts)")), problems.join('\n'));
  });
});
