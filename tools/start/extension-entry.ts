/**
 * Makes VS Code load the extension under development as an installed extension of `npm start`'s
 * profile: an entry in the extensions folder's `extensions.json` (VS Code's record of installed
 * extensions) whose location is the checkout itself. So dist/ is loaded where `npm run build`
 * writes it (a rebuild and "Developer: Reload Window" picks it up), nothing is copied, and the
 * plain URL `http://127.0.0.1:PORT/` opens VS Code with Activation Lab (no extension-development
 * payload in the URL, which a student could not type and a bookmark would lose).
 *
 * The format is VS Code's (1.139: an array of { identifier, version, location: URI, metadata });
 * the CI check of `npm start` (test/integration/harness/start-check.ts) fails if it stops working.
 */
import * as fs from 'fs';
import * as path from 'path';

interface Manifest {
  publisher: string;
  name: string;
  version: string;
}

interface Entry {
  identifier: { id: string };
  version: string;
  location: { $mid: 1; scheme: 'file'; path: string };
  metadata: Record<string, unknown>;
}

/**
 * The `extensions.json` text with the extension at `extensionPath` registered (any earlier
 * entry of the same id replaced, other extensions kept); `existing` is the file's text, if any.
 */
export function withExtension(existing: string | undefined, extensionPath: string, manifest: Manifest, now = Date.now()): string {
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  let entries: unknown[] = [];
  try {
    const parsed: unknown = existing ? JSON.parse(existing) : [];
    if (Array.isArray(parsed)) entries = parsed;
  } catch {
    // A damaged record lists nothing we could keep.
  }
  const others = entries.filter((e) => (e as Partial<Entry>)?.identifier?.id?.toLowerCase() !== id);
  const ours: Entry = {
    identifier: { id },
    version: manifest.version,
    location: { $mid: 1, scheme: 'file', path: path.resolve(extensionPath) },
    metadata: { installedTimestamp: now, source: 'resource' },
  };
  return JSON.stringify([...others, ours], null, 2) + '\n';
}

/** Registers the extension at `extensionPath` (its package.json read there) in `extensionsDir`. */
export function registerExtension(extensionsDir: string, extensionPath: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as Manifest;
  const file = path.join(extensionsDir, 'extensions.json');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.writeFileSync(file, withExtension(existing, extensionPath, manifest));
}
