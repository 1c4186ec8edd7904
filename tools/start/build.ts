/**
 * Whether dist/ must be built before `npm start` runs the extension: a bundle is missing, or a
 * source is newer than the oldest bundle (an edit since the last `npm run build`).
 */
import * as fs from 'fs';
import * as path from 'path';

/** The bundles VS Code loads (esbuild.js builds them all in one run). */
export const EXTENSION_BUNDLES = ['extension.js', 'kernel-worker.js', 'renderer.js', 'panel.js', 'mathjax-renderer.js'];

/** What the bundles are built from: the sources, the build script and the manifest. */
const INPUTS = ['src', 'esbuild.js', 'package.json'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

/** Why dist/ needs a build ('' when it does not): the first missing bundle, or the newer source. */
export function buildReason(repoRoot: string): string {
  let oldest = Infinity;
  for (const name of EXTENSION_BUNDLES) {
    const file = path.join(repoRoot, 'dist', name);
    if (!fs.existsSync(file)) return `dist/${name} is missing`;
    oldest = Math.min(oldest, fs.statSync(file).mtimeMs);
  }
  for (const input of INPUTS) {
    if (newestMtime(path.join(repoRoot, input)) > oldest) return `${input} changed since the last build`;
  }
  return '';
}
