// The template filler on small templates built in the test: values, repeats, sums, errors.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Halaman, isiTemplat, type Konteks, letakHalaman } from '../../src/render/templat.js';
import { tmpDir } from '../helpers.js';

async function templat(
  isi: (ws: ExcelJS.Worksheet) => void,
  opsi: Partial<ExcelJS.AddWorksheetOptions> = {},
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  isi(wb.addWorksheet('S', opsi));
  const file = path.join(tmpDir(), 't.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const k = (over: Partial<Konteks> = {}): Konteks => ({
  nilai: { nama: 'Ngudi Mulyo', tahun: 2026, tanggal: new Date(Date.UTC(2026, 9, 5)), kosong: null, uang: 1_250_000 },
  daftar: {
    item: {
      kolom: ['nama', 'nilai'],
      baris: [
        { nama: 'a', nilai: 1 },
        { nama: 'b', nilai: 2 },
        { nama: 'c', nilai: 3 },
      ],
    },
    nol: { kolom: ['nama', 'nilai'], baris: [] },
  },
  gambar: { cap: null },
  ...over,
});

describe('isiTemplat', () => {
  it('keeps types for whole-cell markers and writes text for mixed ones', async () => {
    const f = await templat((ws) => {
      ws.getCell('A1').value = '{{tahun}}';
      ws.getCell('A2').value = '{{tanggal}}';
      ws.getCell('A3').value = 'Bantul, {{tanggal}} · {{tahun}} · {{uang}}';
      ws.getCell('A4').value = '{{kosong}}';
      ws.getCell('A5').value = { richText: [{ text: 'Unit ' }, { font: { bold: true }, text: '{{nama}}' }] };
    });
    const { workbook, angka } = await isiTemplat(f, k());
    const ws = workbook.getWorksheet('S')!;
    expect(ws.getCell('A1').value).toBe(2026);
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2026, 9, 5)));
    expect(ws.getCell('A3').value).toBe('Bantul, 5 Oktober 2026 · 2026 · 1250000');
    expect(ws.getCell('A4').value).toBeNull();
    expect(ws.getCell('A5').value).toBe('Unit Ngudi Mulyo');
    expect(angka.objek()).toEqual({ 'S!A1': 2026 });
  });

  it('repeats a row per item, with running formulas copied down, and sums over what it produced', async () => {
    const f = await templat((ws) => {
      ws.getCell('A1').value = 'awal';
      ws.getCell('C1').value = 10;
      ws.getCell('A2').value = '{{#item}}{{.nama}}';
      ws.getCell('B2').value = '{{.nilai}}';
      ws.getCell('C2').value = { formula: 'C1+B2', date1904: false };
      ws.getCell('B3').value = '{{=SUM(item.nilai)}}';
      ws.getCell('C3').value = { formula: '$C$1+B3', date1904: false };
    });
    const ws = (await isiTemplat(f, k())).workbook.getWorksheet('S')!;
    expect([2, 3, 4].map((r) => ws.getCell(`A${r}`).value)).toEqual(['a', 'b', 'c']);
    expect(ws.getCell('C2').value).toEqual({ formula: 'C1+B2', result: 11 });
    expect(ws.getCell('C4').value).toEqual({ formula: 'C3+B4', result: 16 });
    expect(ws.getCell('B5').value).toEqual({ formula: 'SUM(B2:B4)', result: 6 });
    expect(ws.getCell('C5').value).toEqual({ formula: '$C$1+B5', result: 16 });
  });

  // about 58 rows of 12.75 pt to an A4 page: 10 rows leave room for the block, 50 do not. {{jaga:N}} breaks the
  // page after the blank row below the list (row 51), so the block starts the next page alone; with :bersama
  // the list's last two rows (49, 50) go with it
  it.each([
    ['{{jaga:10}}', 'breaks the page before a block that would not fit whole, and only then', [51]],
    ['{{jaga:10:bersama}}', 'never starts a page alone: the last printed rows above go with it', [48]],
  ])('%s %s', async (penanda, _judul, pisah50) => {
    const banyak = (n: number): Konteks['daftar'] => ({
      ...k().daftar,
      item: { kolom: ['nama', 'nilai'], baris: Array.from({ length: n }, (_, i) => ({ nama: `n${i}`, nilai: i })) },
    });
    const f = await templat(
      (ws) => {
        ws.getCell('A1').value = '{{#item}}{{.nama}}';
        ws.getCell('A3').value = penanda;
        ws.getCell('B3').value = 'Ketua';
      },
      { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } },
    );
    for (const [n, breaks] of [
      [10, []],
      [50, pisah50],
    ] as [number, number[]][]) {
      const ws = (await isiTemplat(f, k({ daftar: banyak(n) }))).workbook.getWorksheet('S')!;
      expect(
        // exceljs keeps the sheet's page breaks in rowBreaks but does not declare it
        (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id),
        `${n} rows`,
      ).toEqual(breaks);
      expect(ws.getCell(`A${n + 2}`).value ?? null).toBeNull(); // the marker's cell is left empty
      expect(ws.getCell(`B${n + 2}`).value).toBe('Ketua');
    }
  });

  describe('letakHalaman (pages of 10 rows of 1 pt)', () => {
    const halaman = (isi: number[]): Halaman => ({
      tinggi: () => 1,
      judul: 0,
      longgar: 10,
      ketat: 10,
      berisi: (r) => isi.includes(r),
    });
    const semua = Array.from({ length: 40 }, (_, i) => i + 1);

    it('a block that fits stays where it is; one that does not starts the next page', () => {
      expect(letakHalaman([{ baris: 5, n: 4, bersama: false }], halaman(semua))).toEqual([]);
      expect(letakHalaman([{ baris: 8, n: 4, bersama: false }], halaman(semua))).toEqual([7]);
    });

    it('a signature block takes its section along (its heading is a block too) when both fit on a page', () => {
      const jaga = [
        { baris: 3, n: 2, bersama: false },
        { baris: 5, n: 2, bersama: false },
        { baris: 8, n: 4, bersama: true },
      ];
      // the section at row 5 and the signature from 8 to 11: the page breaks before the heading
      expect(letakHalaman(jaga, halaman(semua))).toEqual([4]);
    });

    it('a section too long to go along: the last two printed rows go, blank rows between them too', () => {
      const jaga = [
        { baris: 1, n: 2, bersama: false },
        { baris: 8, n: 4, bersama: true },
      ];
      // the section starts the page: taking it along would leave the page empty
      expect(letakHalaman(jaga, halaman(semua))).toEqual([5]);
      // row 7 prints nothing: rows 5 and 6 are the two printed rows that go along
      expect(letakHalaman(jaga, halaman(semua.filter((r) => r !== 7)))).toEqual([4]);
    });

    it('with nothing that fits along, the block goes alone', () => {
      // a block of 9 rows: nothing more fits with it on a page
      expect(letakHalaman([{ baris: 5, n: 9, bersama: true }], halaman(semua))).toEqual([4]);
    });

    it('on later pages too, also where a full page would end just before it', () => {
      // pages fill to rows 10 and 20; a block at 21 would start the third page alone: rows 19 and 20 go with it
      expect(letakHalaman([{ baris: 21, n: 4, bersama: true }], halaman(semua))).toEqual([18]);
      expect(letakHalaman([{ baris: 21, n: 4, bersama: false }], halaman(semua))).toEqual([20]);
      // at 28 it does not fit what is left of the page from 21; rows 26 and 27 go with it
      expect(letakHalaman([{ baris: 28, n: 4, bersama: true }], halaman(semua))).toEqual([25]);
    });
  });

  it('an empty list leaves one row reading – and sums to zero', async () => {
    const f = await templat((ws) => {
      ws.getCell('A1').value = '{{#nol}}{{.nama}}';
      ws.getCell('B1').value = '{{.nilai}}';
      ws.getCell('B2').value = '{{=SUM(nol.nilai)}}';
    });
    const ws = (await isiTemplat(f, k())).workbook.getWorksheet('S')!;
    expect(ws.getCell('A1').value).toBe('–');
    expect(ws.getCell('B1').value).toBeNull();
    // exceljs's value getter hides a cached 0; the cell's model (what is written) has it
    expect(ws.getCell('B2').formula).toBe('SUM(B1:B1)');
    expect(ws.getCell('B2').model.result).toBe(0);
  });

  it('names the cell of every marker it cannot fill', async () => {
    const f = await templat(
      (ws) => {
        ws.getCell('C14').value = '{{salod_awal}}';
        ws.getCell('A2').value = '{{.nama}}';
        ws.getCell('A3').value = '{{#item}}{{#nol}}';
        ws.getCell('A4').value = '{{=SUM(item.nilai)}}';
        ws.getCell('A5').value = '{{gambar:logo}}';
      },
      { headerFooter: { oddFooter: '&L{{namma}}' } as ExcelJS.HeaderFooter },
    );
    await expect(isiTemplat(f, k())).rejects.toThrow(
      [
        'S!A3: satu baris hanya boleh mengulang satu daftar ({{#item}} dan {{#nol}})',
        'S!oddFooter: {{namma}} tidak dikenal',
        'S!A2: {{.nama}} hanya boleh di baris yang berisi {{#daftar}}',
        'S!A4: {{=SUM(item.nilai)}} menjumlah daftar yang tidak punya baris ulang dengan isian itu di sheet ini',
        'S!A5: {{gambar:logo}} tidak dikenal',
        'S!C14: {{salod_awal}} tidak dikenal',
      ].join('\n'),
    );
  });
});
