import { strict as assert } from 'assert';
import { accessFor, generatePassword, isLoopback } from '../../../../tools/start/access';

describe('npm start: who may open it (tools/start/access.ts)', () => {
  it('asks no password on the loopback address', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) {
      assert.ok(isLoopback(host), host);
      assert.deepEqual(accessFor(host, undefined), { auth: 'none', generated: false });
    }
  });

  it('always requires a password on any other address, generated when none is given', () => {
    for (const host of ['0.0.0.0', '192.168.1.10', '::', 'lab-server']) {
      assert.equal(isLoopback(host), false, host);
      const a = accessFor(host, undefined);
      assert.equal(a.auth, 'password');
      assert.equal(a.generated, true);
      assert.match(a.password!, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    }
    assert.deepEqual(accessFor('0.0.0.0', 'correct horse'), { auth: 'password', password: 'correct horse', generated: false });
  });

  it('generates passwords without look-alike characters, different each time', () => {
    const seen = new Set(Array.from({ length: 200 }, generatePassword));
    assert.equal(seen.size, 200);
    for (const p of seen) assert.doesNotMatch(p, /[01ilo]/);
  });

  it('refuses a short --password', () => {
    assert.throws(() => accessFor('0.0.0.0', 'abc'), /at least 8 characters/);
  });
});
