/**
 * The record of a running `npm start` in its data folder (`running.json`: the script's pid and
 * the address), so a second start on the same folder says where the first one is instead of
 * starting a second code-server on the same VS Code profile (code-server would hand the folder
 * to the first one and exit).
 */
import * as fs from 'fs';

export interface Running {
  pid: number;
  url: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The start that runs on this folder now, if any (a record left by a crash is ignored). */
export function runningStart(file: string): Running | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Running;
    return Number.isInteger(r.pid) && r.pid !== process.pid && alive(r.pid) ? r : undefined;
  } catch {
    return undefined;
  }
}

export function recordRunning(file: string, url: string): void {
  fs.writeFileSync(file, JSON.stringify({ pid: process.pid, url } satisfies Running) + '\n');
}

/** Removes the record if it is this process's. */
export function clearRunning(file: string): void {
  try {
    if ((JSON.parse(fs.readFileSync(file, 'utf8')) as Running).pid === process.pid) fs.rmSync(file);
  } catch {
    /* no record */
  }
}
