/**
 * Who may open `npm start`'s VS Code. On the loopback address only this machine's user can, and
 * no password is asked. On any other address (`--host 0.0.0.0` for a class) everyone on the
 * network could reach a VS Code with a terminal running as this user, so a password is always
 * required: the one given with `--password`, else a generated one, printed for the teacher to
 * hand out.
 */
import { randomInt } from 'crypto';

export interface Access {
  /** code-server's --auth. */
  auth: 'none' | 'password';
  password?: string;
  /** The password was made up here (print it: nobody else knows it). */
  generated: boolean;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or off a board. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A password of 3 groups of 4 (about 59 bits): `k7fq-2mzp-x9wd`. */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

/** Whether `host` is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The access for `host`: a password when one is given or the host is not loopback. */
export function accessFor(host: string, password: string | undefined): Access {
  if (password !== undefined) {
    if (password.length < 8) throw new Error('--password must be at least 8 characters');
    return { auth: 'password', password, generated: false };
  }
  if (isLoopback(host)) return { auth: 'none', generated: false };
  return { auth: 'password', password: generatePassword(), generated: true };
}
