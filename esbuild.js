// @ts-check
/**
 * Build script for Activation Lab.
 *
 * Every bundle the project ships is one entry in BUNDLES below; adding a
 * bundle (the `activation-lab` CLI at dist/cli.js, the browser renderer ESM
 * bundle, ...) means adding an entry, not new code.
 *
 * Usage:
 *   node esbuild.js               one development build (sourcemaps, not minified)
 *   node esbuild.js --production  minified build for packaging
 *   node esbuild.js --watch       rebuild every bundle on change until stopped
 *
 * Type checking is not done here: esbuild only strips types. Run
 * `npm run typecheck` (tsc --noEmit) for that; `npm test` runs both.
 */
'use strict';

const fs = require('fs');
const esbuild = require('esbuild');
const { version } = require('./package.json');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Packages bundled from another of their builds. jsonc-parser's "main" is a UMD
 * build whose inner require()s esbuild cannot follow (the bundle would fail at
 * run time with "Cannot find module './impl/format'"); its ES module build
 * bundles cleanly. The integration suite's bundler reads this too.
 */
const RESOLVE_ALIAS = { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' };

/**
 * Options shared by bundles that run inside Node (the VS Code extension host
 * and the command-line tool).
 * @type {import('esbuild').BuildOptions}
 */
const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // './mathjax-renderer.js' is the bundle below, which src/services/hover-content/formula-image.ts
  // require()s from beside the bundle on first use. `vscode` is external only where it exists
  // (the extension bundle): a stray import of it elsewhere fails the build, not a user's run.
  external: ['./mathjax-renderer.js'],
  alias: RESOLVE_ALIAS,
};

/**
 * The bundles to build. Each entry is plain esbuild BuildOptions.
 * @type {Array<{ name: string } & import('esbuild').BuildOptions>}
 */
const BUNDLES = [
  {
    name: 'extension',
    ...nodeBundle,
    // Provided by the VS Code extension host at run time; never bundled.
    external: [...(nodeBundle.external ?? []), 'vscode'],
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
  },
  {
    // A notebook's Session runs in this worker thread (src/services/kernel/kernel-worker.ts),
    // so a long cell can be interrupted; it must not contain `vscode`.
    name: 'kernel-worker',
    ...nodeBundle,
    entryPoints: ['src/services/kernel/kernel-worker-main.ts'],
    outfile: 'dist/kernel-worker.js',
  },
  {
    // The `activation-lab` command (package.json "bin"). plotly.min.js is not
    // bundled: the --html export reads it from node_modules at run time.
    name: 'cli',
    ...nodeBundle,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    external: [...(nodeBundle.external ?? []), 'plotly.js-dist-min'],
    banner: { js: '#!/usr/bin/env node' },
    define: { __ACTIVATION_LAB_VERSION__: JSON.stringify(version) },
    plugins: [executablePlugin()],
  },
  {
    // MathJax (about 2 MB) for formula images in hovers, loaded by
    // src/services/hover-content/formula-image.ts with require() only when the first formula is drawn.
    name: 'mathjax-renderer',
    ...nodeBundle,
    entryPoints: ['src/services/hover-content/mathjax-renderer.ts'],
    outfile: 'dist/mathjax-renderer.js',
  },
  {
    // The notebook renderer (package.json contributes.notebookRenderer,
    // entrypoint ./dist/renderer.js), run in VS Code's output webview, which
    // loads it with a dynamic import() of its URL. plotly (~4.8 MB) is bundled
    // but split into a chunk of its own (dist/renderer-plotly.min-HASH.js) that
    // src/renderer/plotly.ts import()s, relative to dist/renderer.js, only when
    // the first plot is shown: outputs without plots never load it.
    name: 'renderer',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    // The plot panel's page (src/commands/plot-panel.ts) is a second entry of the same
    // build, so both share the figure code and the one lazily loaded plotly chunk.
    entryPoints: { renderer: 'src/renderer/index.ts', panel: 'src/renderer/panel.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'renderer-[name]-[hash]',
    plugins: [removeStaleChunksPlugin(/^renderer-.+-[A-Z0-9]{8}\.js(\.map)?$/)],
  },
  {
    // The script of exported pages with sliders (src/page/html-export.ts inlines it, allowed by
    // its hash): the language and the figure builders, redrawing plots with the page's plotly.
    // Always minified, no source map: it travels inside every such page.
    name: 'export-page',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/renderer/export-page.ts'],
    outfile: 'dist/export-page.js',
    minify: true,
    sourcemap: false,
  },
  {
    // plotly.min.js as it is, for the pages that Export Notebook as HTML writes in the editor
    // (src/page/html-export.ts inlines it): the .vsix ships no node_modules. Copied, not rebuilt.
    name: 'plotly-for-pages',
    entryPoints: ['node_modules/plotly.js-dist-min/plotly.min.js'],
    outfile: 'dist/plotly.min.js',
    loader: { '.js': 'copy' },
    sourcemap: false,
    minify: false,
  },
];

/**
 * Makes the bundle executable after every successful build (a "bin" script).
 * Declared as a function so BUNDLES can use it before this point.
 * @returns {import('esbuild').Plugin}
 */
function executablePlugin() {
  return {
    name: 'executable',
    setup(build) {
      build.onEnd((result) => {
        const out = build.initialOptions.outfile;
        if (result.errors.length === 0 && out && fs.existsSync(out)) fs.chmodSync(out, 0o755);
      });
    },
  };
}

/**
 * Deletes the chunk files of earlier builds (their names change with their
 * content) from the bundle's outdir before each build.
 * @param {RegExp} pattern file names to delete
 * @returns {import('esbuild').Plugin}
 */
function removeStaleChunksPlugin(pattern) {
  return {
    name: 'remove-stale-chunks',
    setup(build) {
      build.onStart(() => {
        const dir = build.initialOptions.outdir;
        if (!dir || !fs.existsSync(dir)) return;
        for (const file of fs.readdirSync(dir)) if (pattern.test(file)) fs.rmSync(`${dir}/${file}`, { force: true });
      });
    },
  };
}

/** Logs each rebuild's result in watch mode. @type {import('esbuild').Plugin} */
const reportPlugin = {
  name: 'report',
  setup(build) {
    build.onEnd((result) => {
      const out = build.initialOptions.outfile ?? build.initialOptions.outdir;
      const errors = result.errors.length;
      console.log(`[watch] ${out}: ${errors ? `${errors} error(s)` : 'built'}`);
    });
  },
};

async function main() {
  const contexts = await Promise.all(
    BUNDLES.map(({ name: _name, ...options }) =>
      esbuild.context({
        sourcemap: true,
        minify: production,
        logLevel: 'warning',
        ...options,
        plugins: [...(options.plugins ?? []), ...(watch ? [reportPlugin] : [])],
      }),
    ),
  );

  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    console.log(`[watch] watching ${BUNDLES.map((b) => b.name).join(', ')}`);
    return;
  }

  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
    for (const b of BUNDLES) console.log(`built ${b.outfile ?? `${b.outdir}/{${Object.keys(b.entryPoints ?? {}).join(', ')}}.js (+ chunks)`}${production ? ' (production)' : ''}`);
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

module.exports = { RESOLVE_ALIAS };

if (require.main === module) {
  main().catch((err) => {
    // esbuild has already printed the build errors; just fail the process.
    if (!(err && Array.isArray(err.errors))) console.error(err);
    process.exit(1);
  });
}
