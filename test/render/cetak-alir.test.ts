// A printed book's numbered rows streamed into the sheet in place of two sample rows (cetak-alir.ts): numbers,
// styles by sign, dates, text, heights, and the signature block moved to follow them whatever their count.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type KolomCetak, type NilaiCetak, tulisBuku } from '../../src/render/cetak-xlsx.js';
import { RP_ID, RP_ID_NEGATIF, TGL_FMT } from '../../src/render/gaya.js';
import { geserSetelah, tambahPisahHalaman } from '../../src/render/sambung-xlsx.js';
import { bukaZip } from '../../src/render/zip.js';
import { tmpDir } from '../helpers.js';

const KOLOM: KolomCetak[] = [
  { judul: 'Tanggal', lebar: 17, jenis: 'tanggal' },
  { judul: 'Uraian', lebar: 20, jenis: 'teks' },
  { judul: 'Jumlah', lebar: 17, jenis: 'rupiah' },
  { judul: 'Banyak', lebar: 8, jenis: 'kuantitas' },
];
const KEPALA = { judul: 'Buku Uji', baris: ['WKSBM Uji', 'Periode'], orientasi: 'portrait' as const };
const TTD = { tempatTanggal: 'Bantul, 1 Juli 2026', kiri: ['Ketua', 'Ana'], kanan: ['Bendahara', 'Budi'] } as {
  tempatTanggal: string;
  kiri: [string, string];
  kanan: [string, string];
};
// rows start below the heading (3 lines), a blank row and the column titles
const AWAL = 6;

async function cetak(baris: NilaiCetak[][], asinkron = false, pembuka?: NilaiCetak[]) {
  const keluar = path.join(tmpDir(), 'b.xlsx');
  const sumber = asinkron
    ? (async function* () {
        yield* baris;
      })()
    : baris;
  const n = await tulisBuku(keluar, KEPALA, KOLOM, sumber, TTD, pembuka);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(keluar);
  return { n, ws: wb.worksheets[0]! };
}

const nilai = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe('a printed book streamed in place of its samples', () => {
  it('one row: numbered, styled, the signature block right below it (the samples were two rows)', async () => {
    const { n, ws } = await cetak([['2026-07-03', 'Jimpitan', 125_000, 1.5]]);
    expect(n).toBe(1);
    expect(nilai(ws, AWAL).slice(0, 1)).toEqual([1]);
    expect((ws.getCell(`B${AWAL}`).value as Date).toISOString()).toBe('2026-07-03T00:00:00.000Z');
    expect(ws.getCell(`B${AWAL}`).numFmt).toBe(TGL_FMT);
    expect(ws.getCell(`C${AWAL}`).value).toBe('Jimpitan');
    expect(ws.getCell(`D${AWAL}`).value).toBe(125_000);
    expect(ws.getCell(`D${AWAL}`).numFmt).toBe(RP_ID);
    expect(ws.getCell(`E${AWAL}`).value).toBe(1.5);
    expect(ws.getCell(`E${AWAL}`).border.left?.style).toBe('thin');
    // a blank row, then the place and date
    expect(ws.getRow(AWAL + 1).hasValues).toBe(false);
    expect(ws.getCell(`D${AWAL + 2}`).value).toBe('Bantul, 1 Juli 2026');
    expect(ws.getCell(`B${AWAL + 8}`).value).toBe('( Ana )');
    expect(ws.getCell(`D${AWAL + 8}`).font.bold).toBe(true);
    expect(ws.getCell(`A${AWAL + 1}`).value).toBeNull();
    expect(ws.pageSetup.printTitlesRow).toBe('5:5');
    expect(ws.getCell('A1').value).toBe('BUKU UJI');
    expect(ws.model.merges).toContain('A1:E1');
  });

  it('many rows from an async source: amounts below zero in the negative code, odd text kept, tall rows', async () => {
    const panjang = 'uraian panjang '.repeat(6);
    const baris: NilaiCetak[][] = Array.from({ length: 600 }, (_, i) => [
      `2026-07-${String((i % 28) + 1).padStart(2, '0')}`,
      i === 7 ? ' <a & "b"> \x01 ' : i === 9 ? panjang : `baris ${i}`,
      i % 5 === 0 ? -(i + 1) * 1000 : i * 1000,
      i % 3 ? null : i,
    ]);
    const { n, ws } = await cetak(baris, true);
    expect(n).toBe(600);
    expect(ws.getCell(`A${AWAL + 599}`).value).toBe(600);
    expect(ws.getCell(`D${AWAL}`).value).toBe(-1000);
    expect(ws.getCell(`D${AWAL}`).numFmt).toBe(RP_ID_NEGATIF);
    expect(ws.getCell(`D${AWAL + 1}`).numFmt).toBe(RP_ID);
    expect(ws.getCell(`D${AWAL + 1}`).border.bottom?.style).toBe('thin');
    expect(ws.getCell(`C${AWAL + 7}`).value).toBe(' <a & "b">  ');
    expect(ws.getCell(`E${AWAL + 1}`).value).toBeNull();
    expect(ws.getCell(`E${AWAL + 1}`).border.top?.style).toBe('thin');
    expect(ws.getRow(AWAL + 9).height).toBeGreaterThan(12.75 * 4);
    expect(ws.getRow(AWAL + 8).height).toBeFalsy();
    expect(ws.getCell(`D${AWAL + 601}`).value).toBe('Bantul, 1 Juli 2026');
    expect(ws.getCell(`B${AWAL + 607}`).value).toBe('( Ana )');
  });

  it('a synchronous source gives the same sheet as an async one; an unreadable date stays text', async () => {
    const baris: NilaiCetak[][] = [
      ['2026-07-03', 'a', 1000, 2],
      ['bukan tanggal', 'b', -5, null],
      ['2026-07-04', '', 0, 0],
    ];
    const a = await cetak(baris, false);
    const b = await cetak(baris, true);
    for (let r = 1; r <= AWAL + 10; r++) expect(nilai(a.ws, r)).toEqual(nilai(b.ws, r));
    expect(a.ws.getCell(`B${AWAL + 1}`).value).toBe('bukan tanggal');
    expect(a.ws.getCell(`C${AWAL + 2}`).value).toBeNull();
  });

  it('an opening line before the rows; no rows at all is one row with a dash', async () => {
    const { n, ws } = await cetak([], false, [null, 'Saldo awal', 5000, null]);
    expect(n).toBe(0);
    expect(ws.getCell(`C${AWAL}`).value).toBe('Saldo awal');
    expect(ws.getCell(`A${AWAL + 1}`).value).toBe('–');
    expect(ws.getCell(`D${AWAL + 3}`).value).toBe('Bantul, 1 Juli 2026');
  });

  it('the signature prints whole under the last two rows: a page break goes above them when it must', async () => {
    // the sheet's own page breaks, read from its XML (exceljs does not read them back)
    const pisah = async (n: number, tinggi = false) => {
      const keluar = path.join(tmpDir(), 'b.xlsx');
      const teks = (i: number) => (tinggi && i % 4 === 0 ? 'uraian yang panjang '.repeat(3) : `baris ${i}`);
      const baris: NilaiCetak[][] = Array.from({ length: n }, (_, i) => ['2026-07-03', teks(i), 1000, null]);
      await tulisBuku(keluar, KEPALA, KOLOM, baris, TTD);
      const xml = bukaZip(fs.readFileSync(keluar)).baca('xl/worksheets/sheet1.xml')!.toString();
      return [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    };
    expect(await pisah(1)).toEqual([]);
    expect(await pisah(20)).toEqual([]);
    // from 1 to 120 rows, the only break ever made is the one above the last two rows, and some count needs it
    const perlu: number[] = [];
    for (const tinggi of [false, true])
      for (let n = 25; n <= 120; n += 1) {
        const p = await pisah(n, tinggi);
        if (p.length) perlu.push(n);
        expect(p.length ? p : [AWAL + n - 3], `${n} rows`).toEqual([AWAL + n - 3]);
      }
    expect(perlu.length).toBeGreaterThan(2);
    // but not every count: most books end with room for the block on their last page
    expect(perlu.length).toBeLessThan(100);
  });

  it('the source is closed when the book cannot be written', async () => {
    let ditutup = false;
    const sumber = {
      *[Symbol.iterator]() {
        try {
          yield ['2026-07-03', 'a', 1, 1] as NilaiCetak[];
          yield ['2026-07-04', 'b', 2, 2] as NilaiCetak[];
        } finally {
          ditutup = true;
        }
      },
    };
    const keluar = path.join(tmpDir(), 'tidak-ada', 'b.xlsx');
    await expect(tulisBuku(keluar, KEPALA, KOLOM, sumber, TTD)).rejects.toThrow();
    expect(ditutup).toBe(true);
  });
});

describe('tambahPisahHalaman', () => {
  it("puts the page breaks where the sheet's schema has them: before a drawing, else at the end", () => {
    const brk =
      '<rowBreaks count="2" manualBreakCount="2"><brk id="9" max="16383" man="1"/><brk id="60" max="16383" ' +
      'man="1"/></rowBreaks>';
    expect(tambahPisahHalaman('</sheetData><headerFooter/><drawing r:id="rId1"/></worksheet>', [9, 60])).toBe(
      `</sheetData><headerFooter/>${brk}<drawing r:id="rId1"/></worksheet>`,
    );
    expect(tambahPisahHalaman('</sheetData><pageSetup/></worksheet>', [9, 60])).toBe(
      `</sheetData><pageSetup/>${brk}</worksheet>`,
    );
    expect(tambahPisahHalaman('</sheetData></worksheet>', [])).toBe('</sheetData></worksheet>');
    expect(() => tambahPisahHalaman('<rowBreaks count="1"></rowBreaks></worksheet>', [3])).toThrow();
  });
});

describe('geserSetelah', () => {
  it('moves rows, cells and ranges below the line, leaves those above', () => {
    const xml = '<row r="7"><c r="B7" s="2"/></row><mergeCell ref="A1:J1"/><mergeCell ref="B8:C9"/><c r="AA12"/>';
    expect(geserSetelah(xml, 6, 10)).toBe(
      '<row r="17"><c r="B17" s="2"/></row><mergeCell ref="A1:J1"/><mergeCell ref="B18:C19"/><c r="AA22"/>',
    );
    expect(geserSetelah(xml, 7, -1)).toBe(
      '<row r="7"><c r="B7" s="2"/></row><mergeCell ref="A1:J1"/><mergeCell ref="B7:C8"/><c r="AA11"/>',
    );
    expect(geserSetelah(xml, 6, 0)).toBe(xml);
  });
});
