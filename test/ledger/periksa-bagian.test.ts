// periksa walks a large cash book from both ends at once: the main thread's parts from the first up, a worker's
// from the last down, each taking its next part when done, until they meet. However the parts fall to the two
// walks, every row is walked once, each walk's parts are one run of rows, and the joined result is the whole walk's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PemeriksaRantai } from '../../src/ledger/hash.js';
import { PencatatKas } from '../../src/ledger/periksa-kas.js';
import { bagiKas, jalaniAtas, jalaniBawah, jalaniRantai } from '../../src/ledger/periksa-rantai.js';
import { sqlite, unitBaru, wksbm } from '../helpers.js';

async function buku(n: number): Promise<string> {
  const db = await unitBaru();
  const csv = path.join(path.dirname(db), 'kas.csv');
  const baris = Array.from({ length: n }, (_, i) => `0${1 + (i % 9)}/07/2026,Jimpitan ${i},jimpitan,umum,"1.000",`);
  fs.writeFileSync(csv, ['Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar', ...baris].join('\n') + '\n');
  expect((await wksbm(db, ['kas', 'impor', csv])).code).toBe(0);
  return db;
}

/** Both walks over the book in parts of `baris` rows, the main thread's taking `bawah` parts before the worker's. */
function duaArah(s: ReturnType<typeof sqlite>, baris: number, bawahDulu: number) {
  const bagi = bagiKas(3000, baris);
  const rantai = new PemeriksaRantai('kas', new Map());
  const kas = new PencatatKas();
  // the main walk takes its first parts, the worker all the rest, then the main walk finds none left
  // as if the worker had taken all but `bawahDulu` parts, then as if the main walk had taken only those
  const diambil = new Int32Array(bagi.diambil);
  diambil[0] = bagi.bagian - bawahDulu;
  jalaniBawah(s, rantai, kas, bagi);
  diambil[0] = bawahDulu;
  const atas = jalaniAtas(s, new Map(), bagi);
  jalaniBawah(s, rantai, kas, bagi);
  return { bagi, rantai, kas, atas };
}

describe('periksa: the cash book from both ends', () => {
  it('the parts fall either way: every row once, the joined totals and numbers are the whole walk’s', async () => {
    const db = await buku(3000);
    const s = sqlite(db);
    const utuh = new PencatatKas();
    jalaniRantai(s, 'kas', new PemeriksaRantai('kas', new Map()), utuh);
    for (const [baris, bawahDulu] of [
      [250, 0],
      [250, 5],
      [250, 12],
      [1000, 1],
      [3000, 1],
    ] as const) {
      const { bagi, rantai, kas, atas } = duaArah(s, baris, bawahDulu);
      expect(bagi.bagian).toBe(Math.max(2, Math.round(3000 / baris)));
      expect(atas).toHaveLength(bagi.bagian - bawahDulu);
      for (const b of atas) expect(kas.gabung(b.kas), `${baris} ${bawahDulu}`).toBe(true);
      expect(rantai.putus).toBeUndefined();
      expect(atas.every((b) => !b.putus)).toBe(true);
      expect(kas.totalHarian()).toEqual(utuh.totalHarian());
      expect(kas.seri.temuan).toEqual([]);
      expect(kas.seri.celah()).toEqual([]);
    }
  });

  it('a break and a number used twice are found in whichever walk holds them', async () => {
    const db = await buku(3000);
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_ubah');
    s.prepare('UPDATE kas SET jumlah = 2000 WHERE id IN (700, 2600)').run();
    const urut = s.prepare('SELECT urut FROM kas WHERE id = 2900').pluck().get() as number;
    s.prepare('UPDATE kas SET urut = 3001 WHERE id = 2900').run();
    for (const bawahDulu of [0, 3, 12] as const) {
      const { rantai, kas, atas } = duaArah(s, 250, bawahDulu);
      for (const b of atas) kas.gabung(b.kas);
      // the first break in id order: the main walk's when it walked row 700, else the worker's lowest part's
      expect((rantai.putus ?? atas.find((b) => b.putus)?.putus)?.id).toBe(700);
      // each part stops its chain at its own first break; the worker's parts are those the main walk left
      const putusAtas = { 0: [700, 2600, 2900], 3: [2600, 2900], 12: [] }[bawahDulu];
      expect(atas.filter((b) => b.putus).map((b) => b.putus!.id)).toEqual(putusAtas);
      expect(rantai.putus?.id).toBe(bawahDulu ? 700 : undefined);
      expect(kas.seri.temuan.map((t) => t.id)).toEqual([2900]);
      expect(kas.seri.celah().map((t) => t.pesan)).toEqual([
        `Nomor BKM tahun 2026 melompat: urutan ${urut} tidak ada.`,
      ]);
    }
  });
});
