// The template filler on small templates built in the test: values, repeats, sums, errors.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isiTemplat, type Konteks } from '../../src/render/templat.js';
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

  it('{{jaga:N}} breaks the page before a block that would not fit whole, and only then', async () => {
    const banyak = (n: number): Konteks['daftar'] => ({
      ...k().daftar,
      item: { kolom: ['nama', 'nilai'], baris: Array.from({ length: n }, (_, i) => ({ nama: `n${i}`, nilai: i })) },
    });
    const f = await templat(
      (ws) => {
        ws.getCell('A1').value = '{{#item}}{{.nama}}';
        ws.getCell('A3').value = '{{jaga:10}}';
        ws.getCell('B3').value = 'Ketua';
      },
      { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } },
    );
    // about 58 rows of 12.75 pt to an A4 page: 10 rows leave room for the block, 50 do not, so the
    // page breaks after the blank row below the list (row 51) and the block starts the next page
    for (const [n, breaks] of [
      [10, []],
      [50, [51]],
    ] as [number, number[]][]) {
      const ws = (await isiTemplat(f, k({ daftar: banyak(n) }))).workbook.getWorksheet('S')!;
      expect(
        ws.rowBreaks.map((b) => b.id),
        `${n} rows`,
      ).toEqual(breaks);
      expect(ws.getCell(`A${n + 2}`).value ?? null).toBeNull(); // the marker's cell is left empty
      expect(ws.getCell(`B${n + 2}`).value).toBe('Ketua');
    }
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
