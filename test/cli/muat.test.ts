// The loader of the program's bundles (src/cli/muat.ts): V8's code cache saved beside a bundle after
// its first run and used by the next, never for a bundle that changed (even to the same length, which
// V8's own check would let through), and an import() lent to the bundle, which is a script.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jalankanBundel } from '../../src/cli/muat.js';
import { tmpDir } from '../helpers.js';

const bundel = (kode: number) =>
  `exports.main = async (argv) => { const p = await __wksbmImpor('node:path'); return ${kode} + p.sep.length - 1; };`;
const simpanan = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

describe('jalankanBundel', () => {
  it('saves a code cache after the first run and uses it after', async () => {
    const dir = tmpDir();
    const berkas = path.join(dir, 'program.cjs');
    fs.writeFileSync(berkas, bundel(3));
    expect(await jalankanBundel(berkas, ['node', 'wksbm'])).toBe(3);
    const [cache] = simpanan(dir);
    expect(cache).toMatch(/^program\.cjs\.\d+-[0-9a-f]+\.v8cache$/);
    const dibuat = fs.statSync(path.join(dir, cache!)).mtimeMs;
    expect(await jalankanBundel(berkas, ['node', 'wksbm'])).toBe(3);
    // accepted, so not written again
    expect(fs.statSync(path.join(dir, cache!)).mtimeMs).toBe(dibuat);
  });

  it('never runs a changed bundle from the old cache, even at the same length', async () => {
    const dir = tmpDir();
    const berkas = path.join(dir, 'program.cjs');
    fs.writeFileSync(berkas, bundel(3));
    expect(await jalankanBundel(berkas, ['node', 'wksbm'])).toBe(3);
    // as npm installs a release: the same modification time for every file
    const { mtime } = fs.statSync(berkas);
    fs.writeFileSync(berkas, bundel(4));
    fs.utimesSync(berkas, mtime, mtime);
    expect(await jalankanBundel(berkas, ['node', 'wksbm'])).toBe(4);
    expect(simpanan(dir)).toHaveLength(2);
  });
});
