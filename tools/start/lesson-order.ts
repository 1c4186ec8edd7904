/**
 * The names the lessons get in the student's workspace: numbered in the order of
 * lessons/lessons.json (the extension's list of lessons), so the Explorer shows them in the
 * order they are meant to be read (`01-relu-basics.actnb`, `02-relu-derivative.actnb`, ...)
 * rather than alphabetically. lessons.json itself is the extension's, not the student's: not copied.
 */
import * as fs from 'fs';
import * as path from 'path';

export const LESSON_INDEX = 'lessons.json';

/** The lesson ids in reading order; [] when the index is missing or unreadable. */
export function lessonIds(lessonsDir: string): string[] {
  try {
    const index = JSON.parse(fs.readFileSync(path.join(lessonsDir, LESSON_INDEX), 'utf8')) as { lessons?: { id?: unknown }[] };
    return (index.lessons ?? []).map((l) => l.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

/** `rel`'s name in the workspace: `NN-id.actnb` for a listed lesson, unchanged otherwise. */
export function numberedName(rel: string, ids: readonly string[]): string {
  const m = /^([^/]+)\.actnb$/.exec(rel);
  const i = m ? ids.indexOf(m[1]!) : -1;
  if (i < 0) return rel;
  return `${String(i + 1).padStart(ids.length >= 100 ? 3 : 2, '0')}-${rel}`;
}
