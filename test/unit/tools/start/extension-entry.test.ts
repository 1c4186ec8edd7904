import { strict as assert } from 'assert';
import { withExtension } from '../../../../tools/start/extension-entry';

describe("npm start: the extension in VS Code's extensions.json (tools/start/extension-entry.ts)", () => {
  const manifest = { publisher: 'activation-lab', name: 'activation-lab', version: '0.1.0' };

  it('lists the checkout as the installed extension, at its own path', () => {
    const [entry] = JSON.parse(withExtension(undefined, '/home/s/activation-lab', manifest, 1));
    assert.deepEqual(entry, {
      identifier: { id: 'activation-lab.activation-lab' },
      version: '0.1.0',
      location: { $mid: 1, scheme: 'file', path: '/home/s/activation-lab' },
      metadata: { installedTimestamp: 1, source: 'resource' },
    });
  });

  it('replaces an earlier entry of ours and keeps other extensions', () => {
    const other = { identifier: { id: 'someone.theme' }, version: '2.0.0', location: { $mid: 1, scheme: 'file', path: '/x' }, relativeLocation: 'someone.theme-2.0.0' };
    const first = withExtension(JSON.stringify([other]), '/old/checkout', manifest, 1);
    const entries = JSON.parse(withExtension(first, '/new/checkout', manifest, 2));
    assert.deepEqual(entries.map((e: { identifier: { id: string } }) => e.identifier.id), ['someone.theme', 'activation-lab.activation-lab']);
    assert.equal(entries[1].location.path, '/new/checkout');
  });

  it('starts a damaged record over', () => {
    assert.equal(JSON.parse(withExtension('{ not json', '/c', manifest)).length, 1);
  });
});
