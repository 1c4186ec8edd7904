/**
 * The folder `npm start` opens in VS Code: the student's own copies of the lessons (lessons/)
 * and the example notebooks (examples/*.actnb), never the originals in the checkout.
 *
 * The copies are the student's work, so a later start never overwrites one the student changed
 * (running cells and saving counts as a change). What it does with each original file:
 *   - no copy in the workspace: copy it (a new lesson appears; a deleted copy comes back fresh,
 *     which is how a student starts a lesson over);
 *   - a copy unchanged since it was made, the original changed since (`git pull`): update it;
 *   - a copy the student changed: keep it, and report when the original changed too;
 *   - a file of that name the student made themselves (not in the record): keep it.
 * The record of what was copied (path -> SHA-256 of the copied bytes) is a JSON file outside
 * the workspace, so it never shows in the student's Explorer.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** One folder of originals: which of its files to copy, to which folder of the workspace. */
export interface CopySource {
  /** Absolute folder of the originals; a missing folder is skipped (nothing to copy yet). */
  from: string;
  /** Folder inside the workspace, relative (`lessons`, `examples`). */
  to: string;
  /** Which files, by their path relative to `from` (default: every file, subfolders too). */
  include?: (relativePath: string) => boolean;
}

export interface CopyReport {
  /** Workspace-relative paths, '/'-separated. */
  copied: string[];
  updated: string[];
  /** Changed by the student and the original changed too: the student's copy stays. */
  keptEdited: string[];
  /** Everything that already matched, or was the student's: left as it was. */
  unchanged: number;
}

type Record = { [workspacePath: string]: string };

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Files under `dir`, relative and '/'-separated, in name order; [] when `dir` does not exist. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out;
}

function readRecord(file: string): Record {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record) : {};
  } catch {
    // No record (first start) or a damaged one: every existing file is then treated as the student's.
    return {};
  }
}

/**
 * Brings `workspace` up to date with the originals in `sources` as described above; `recordFile`
 * is where the hashes of the copies are kept between starts.
 */
export function syncWorkspace(workspace: string, sources: readonly CopySource[], recordFile: string): CopyReport {
  const record = readRecord(recordFile);
  const report: CopyReport = { copied: [], updated: [], keptEdited: [], unchanged: 0 };
  fs.mkdirSync(workspace, { recursive: true });
  for (const source of sources) {
    for (const rel of filesUnder(source.from)) {
      if (source.include && !source.include(rel)) continue;
      const key = `${source.to}/${rel}`;
      const original = path.join(source.from, rel);
      const copy = path.join(workspace, source.to, rel);
      const originalHash = sha256(original);
      if (!fs.existsSync(copy)) {
        fs.mkdirSync(path.dirname(copy), { recursive: true });
        fs.copyFileSync(original, copy);
        record[key] = originalHash;
        report.copied.push(key);
        continue;
      }
      const copyHash = sha256(copy);
      if (copyHash === originalHash) {
        record[key] = originalHash;
        report.unchanged++;
      } else if (record[key] === copyHash) {
        // Untouched since we copied it, and the original moved on: follow it.
        fs.copyFileSync(original, copy);
        record[key] = originalHash;
        report.updated.push(key);
      } else if (record[key] !== undefined && record[key] !== originalHash) {
        // Reported at every start until the student renames or deletes their copy.
        report.keptEdited.push(key);
      } else {
        report.unchanged++;
      }
    }
  }
  fs.mkdirSync(path.dirname(recordFile), { recursive: true });
  fs.writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n');
  return report;
}
