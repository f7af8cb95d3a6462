import { describe, expect, it } from 'vitest';
import { type Kolom, muat, renderTable } from '../../src/render/teks.js';

type B = { nama: string; alamat: string; jumlah: number };
const KOLOM: Kolom<B>[] = [
  { header: 'Nama', key: 'nama', value: (r) => r.nama },
  { header: 'Alamat', key: 'alamat', value: (r) => r.alamat },
  { header: 'Jumlah', key: 'jumlah', value: (r) => r.jumlah, align: 'right' },
];
const ROWS: B[] = [
  { nama: 'Bpk. Suparmi', alamat: 'Jetis RT 01 RW 02, Sumberagung, Jetis, Bantul, DIY 55781', jumlah: 1250000 },
];
const polos = { color: { bold: (s: string) => s } };
const lebar = (t: string) => Math.max(...t.split('\n').map((b) => [...b].length));

describe('renderTable', () => {
  it('piped: never cut, whatever its width', () => {
    const t = renderTable(polos, KOLOM, ROWS);
    expect(t).toContain(ROWS[0]!.alamat);
    expect(lebar(t)).toBeGreaterThan(60);
  });

  it('at a terminal: the widest text column wraps to fit, numbers whole', () => {
    const t = renderTable({ ...polos, terminal: { out: { columns: 50 } } }, KOLOM, ROWS);
    expect(lebar(t)).toBeLessThanOrEqual(50);
    expect(t).toContain('1250000');
    expect(t).toContain('Bpk. Suparmi');
    for (const kata of ROWS[0]!.alamat.split(' ')) expect(t).toContain(kata);
    expect(t).not.toContain('…');
  });

  it('a table that fits is left alone; the lentur column gives way before the others', () => {
    expect(muat(KOLOM, [['a', 'b', '1']], 80)).toBeUndefined();
    const lentur = KOLOM.map((k) => (k.key === 'nama' ? { ...k, lentur: true } : k));
    const w = muat(lentur, [['x'.repeat(40), 'y'.repeat(20), '1']], 50)!;
    expect(w[1]).toBe(22);
    expect(w.reduce((a, b) => a + b, 0) + 4).toBe(50);
  });
});
