/**
 * Keeps results independent of the JavaScript engine: ECMAScript leaves the accuracy of
 * Math.exp, Math.sin, Math.pow (and so `**`) and the like to the implementation, and V8's
 * differ between Node versions, so the engine and the language compute them only with
 * src/engine/numerics. Math.sqrt, abs, floor, ceil, round, trunc, sign, fround, imul, min
 * and max are exact or correctly rounded by IEEE 754 and ECMAScript, and stay allowed.
 */
import { strict as assert } from 'assert';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '../../../..');
const FORBIDDEN = /\bMath\.(exp|expm1|log|log1p|log2|log10|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|pow|hypot|cbrt)\b|\*\*/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The code without comments and with empty string literals, line breaks kept for line numbers. */
function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, (m) =>
    m.startsWith('/') ? m.replace(/[^\n]/g, ' ') : '""');
}

describe('engine and language: no transcendental from Math', () => {
  it('src/engine and src/language call no Math.exp, Math.sin, Math.pow, ** and the like', () => {
    const found: string[] = [];
    for (const file of [...sources(join(ROOT, 'src/engine')), ...sources(join(ROOT, 'src/language'))]) {
      codeOnly(readFileSync(file, 'utf8')).split('\n').forEach((line, i) => {
        if (FORBIDDEN.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(found, [], `use src/engine/numerics instead:\n${found.join('\n')}`);
  });

  it('would notice one', () => {
    assert.ok(FORBIDDEN.test(codeOnly('const y = Math.exp(x);')));
    assert.ok(FORBIDDEN.test(codeOnly('const y = 2 ** k;')));
    assert.ok(!FORBIDDEN.test(codeOnly("// Math.exp(x) in a comment\nconst op = '**';")));
  });
});
