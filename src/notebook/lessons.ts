/**
 * "Activation Lab: Open Lesson…" (activationLab.openLesson): picks a lesson from the
 * extension's lessons/lessons.json (or takes its id as the argument) and opens it as an
 * untitled notebook, so the student's edits never touch the shipped file; saving asks where.
 */
import * as vscode from 'vscode';
import { didYouMean } from '../engine';
import { parseNotebook } from '../services/notebook-format/format';
import { decodeNotebookText } from '../services/notebook-format/utf8-text';
import { NOTEBOOK_TYPE, toNotebookData } from './serializer';

export interface LessonEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
}

export const OPEN_LESSON = 'activationLab.openLesson';

async function readLessons(root: vscode.Uri): Promise<LessonEntry[]> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'lessons', 'lessons.json'));
  return (JSON.parse(new TextDecoder().decode(bytes)) as { lessons: LessonEntry[] }).lessons;
}

/** The lesson's id from the command's argument: a string, or `{ id }` from a script or keybinding. */
function idFrom(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && typeof (arg as { id?: unknown }).id === 'string') return (arg as { id: string }).id;
  return undefined;
}

async function pickLesson(lessons: readonly LessonEntry[]): Promise<LessonEntry | undefined> {
  const items = lessons.map((lesson, i) => ({ label: `${i + 1}. ${lesson.title}`, detail: lesson.summary, lesson }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Open Lesson', placeHolder: 'Pick a lesson: it opens as an untitled copy', matchOnDetail: true });
  return picked?.lesson;
}

/** Opens a lesson as an untitled notebook; undefined when the pick was dismissed or the id is unknown (said in a message). */
export async function openLesson(root: vscode.Uri, arg?: unknown): Promise<vscode.NotebookDocument | undefined> {
  const lessons = await readLessons(root);
  const id = idFrom(arg);
  let lesson: LessonEntry | undefined;
  if (id === undefined) lesson = await pickLesson(lessons);
  else {
    lesson = lessons.find((l) => l.id === id);
    if (!lesson) {
      const names = lessons.map((l) => l.id);
      void vscode.window.showErrorMessage(`Activation Lab: there is no lesson '${id}'${didYouMean(id, names) || `; the lessons are ${names.join(', ')}`}`);
      return undefined;
    }
  }
  if (!lesson) return undefined;
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'lessons', `${lesson.id}.actnb`));
  const data = toNotebookData(parseNotebook(decodeNotebookText(bytes)));
  const nb = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, data);
  await vscode.window.showNotebookDocument(nb);
  return nb;
}

