import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
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

describe('renderTable without cli-table3', () => {
  const Table = createRequire(import.meta.url)('cli-table3') as typeof TableType;
  /** What cli-table3 draws for the same cells, as renderTable asked it to before it drew plain tables itself. */
  const cliTable3 = (kepala: string[], rata: ('left' | 'right')[], isi: string[][]) => {
    const t = new Table({ head: kepala, colAligns: rata, style: { head: [], border: [] }, wordWrap: true });
    for (const r of isi) t.push(r);
    return t.toString();
  };
  const tebal = { color: { bold: (s: string) => `\x1b[1m${s}\x1b[22m` } };
  const KATA = [
    '',
    ' ',
    'a',
    'Rp 1.250.000',
    '-Rp 45.000',
    'Dana kematian',
    ' dua  spasi ',
    'Pak Agus Sétiawan',
    '12345',
    // the cash book's uraian: its text, then its source or kind below it
    'Bayar 2785\nlainnya',
    'Iuran\ndana kematian · bri',
    'a\nbb\nccc',
    '\nawal kosong',
    'akhir kosong\n',
    ' spasi \n tepi ',
    'Setor 9\ntunai→bri',
    '1–3 Juli — lunas…',
  ];

  it('draws plain and coloured tables character for character as cli-table3 does', () => {
    let benih = 7;
    const acak = (n: number) => {
      benih = (benih * 1_103_515_245 + 12_345) % 2 ** 31;
      return benih % n;
    };
    for (let kali = 0; kali < 200; kali++) {
      const nKolom = 1 + acak(4);
      const kolom: Kolom<string[]>[] = Array.from({ length: nKolom }, (_, i) => ({
        header: KATA[1 + acak(KATA.length - 1)]!,
        key: `k${i}`,
        value: (r) => r[i],
        ...(acak(2) ? { align: 'right' as const } : {}),
      }));
      const isi = Array.from({ length: acak(5) }, () => kolom.map(() => KATA[acak(KATA.length)]!));
      const gaya = acak(2) ? tebal : polos;
      const rata = kolom.map((k) => k.align ?? 'left');
      expect(renderTable(gaya, kolom, isi)).toBe(
        cliTable3(
          kolom.map((k) => gaya.color.bold(k.header)),
          rata,
          isi,
        ),
      );
    }
  });

  it('leaves wide characters and tabs to cli-table3', () => {
    const kolom: Kolom<string[]>[] = [{ header: 'Isi', key: 'isi', value: (r) => r[0] }];
    for (const s of ['漢字', 'baris\nkedua', 'tab\there', '😀', 'dua\nbaris 漢字'])
      expect(renderTable(polos, kolom, [[s]])).toBe(cliTable3(['Isi'], ['left'], [[s]]));
  });
});
