/**
 * The suite's side of the handshake with the Playwright harness (harness/visual.ts,
 * harness/user-path.ts): the suite logs `[visual] ready <stage>`, the harness acts in the
 * browser and writes `<stage>.ack` (`ok` or `fail: <reason>`) into this folder.
 * Unset outside the harness (e.g. under `npm run test:desktop`): those tests are skipped.
 */
import * as fs from 'fs';
import * as path from 'path';

export const HANDSHAKE_DIR = process.env.ACTIVATION_LAB_VISUAL_DIR;

export async function waitAck(stage: string, ms: number): Promise<string> {
  const file = path.join(HANDSHAKE_DIR!, `${stage}.ack`);
  const end = Date.now() + ms;
  while (!fs.existsSync(file)) {
    if (Date.now() > end) throw new Error(`no ${stage}.ack from the harness within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return fs.readFileSync(file, 'utf8').trim();
}
