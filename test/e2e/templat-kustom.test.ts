import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bacaWorkbook, barisDengan, HARAP, unitContoh } from '../fixtures/unit-contoh.js';
import { snapshot, tmpDir, wksbm } from '../helpers.js';

let db: string;
let dir: string;

// a 1×1 PNG: the Dinas logo of the custom form, and the unit's stamp
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  db = await unitContoh();
  dir = tmpDir();
});

/** A Dinas form of its own: markers in other places, a repeat with rows, formulas and merges below it. */
async function templatDinas(file: string, salahKetik = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Form Dinas', {
    pageSetup: { paperSize: 9, orientation: 'landscape', printArea: 'A1:E20', printTitlesRow: '5:5' },
  });
  ws.getCell('B2').value = 'Unit: {{nama}} — TW {{triwulan_romawi}}/{{tahun}}';
  ws.getCell('D2').value = '{{tanggal_laporan}}';
  ws.getCell('D2').numFmt = '[$-421]d mmmm yyyy';
  ws.getCell('B3').value = 'Saldo awal';
  ws.getCell('E3').value = salahKetik ? '{{salod_awal}}' : '{{saldo_awal}}';
  ws.getCell('A5').value = 'Kode';
  ws.getCell('B5').value = 'Sumber';
  ws.getCell('E5').value = 'Rp';
  ws.getCell('A6').value = '{{#penerimaan}}{{.kode}}';
  ws.getCell('B6').value = '{{.nama}}';
  ws.mergeCells('B6:D6');
  ws.getCell('E6').value = '{{.jumlah}}';
  ws.getCell('E6').numFmt = '[$Rp-421]#,##0';
  ws.getCell('B7').value = 'Total';
  ws.mergeCells('B7:D7');
  ws.getCell('E7').value = '{{=SUM(penerimaan.jumlah)}}';
  ws.getCell('E8').value = { formula: 'E3+E7', date1904: false };
  ws.getCell('B9').value = 'Kegiatan';
  ws.getCell('A10').value = '{{#kegiatan}}';
  ws.getCell('B10').value = '{{.nama}} ({{.jenis}})';
  ws.getCell('E11').value = { formula: 'SUM(E6:E6)*2', date1904: false };
  ws.getCell('B12').value = 'Ketua: {{ketua}}';
  ws.mergeCells('B12:D13');
  ws.getCell('E12').value = '{{gambar:cap}}';
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), {
    tl: { col: 0, row: 8 },
    ext: { width: 20, height: 20 },
  });
  await wb.xlsx.writeFile(file);
}

describe('laporan triwulan --templat', () => {
  it('fills a template with the markers in other places, moving rows, formulas, merges and print areas', async () => {
    const tpl = path.join(dir, 'form-dinas.xlsx');
    await templatDinas(tpl);
    const out = path.join(dir, 'kirim.xlsx');
    const r = await wksbm(db, [
      'laporan',
      'triwulan',
      '--tahun',
      '2026',
      '--triwulan',
      '3',
      '--templat',
      tpl,
      '-o',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const wb = await bacaWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Form Dinas', '_data']);
    const ws = wb.getWorksheet('Form Dinas')!;
    expect(ws.getCell('B2').value).toBe('Unit: Ngudi Mulyo — TW III/2026');
    expect((ws.getCell('D2').value as Date).toISOString().slice(0, 10)).toBe('2026-11-22');
    expect(ws.getCell('E3').value).toBe(HARAP.saldoAwal);
    // ten sumber rows: 6..15, so the template's row 7 lands on 16 and everything below moves by 9
    expect(ws.getCell('A6').value).toBe('usaha');
    expect(ws.getCell('A15').value).toBe('lainnya');
    expect(ws.getCell('E11').value).toBe(HARAP.penerimaan.jimpitan);
    expect(ws.getCell('B16').value).toBe('Total');
    expect(ws.getCell('E16').value).toEqual({ formula: 'SUM(E6:E15)', result: HARAP.totalPenerimaan });
    expect(ws.getCell('E17').value).toEqual({ formula: 'E3+E16', result: HARAP.saldoAwal + HARAP.totalPenerimaan });
    expect(ws.getCell('B19').value).toBe('Posyandu lansia (Penanganan)');
    expect(ws.getCell('E20').value).toEqual({ formula: 'SUM(E6:E15)*2', result: 2 * HARAP.totalPenerimaan });
    expect(ws.getCell('B21').value).toBe('Ketua: Sukardi');
    const merges = (ws.model as { merges: string[] }).merges;
    for (let r = 6; r <= 15; r++) expect(merges).toContain(`B${r}:D${r}`);
    expect(merges).toContain('B16:D16');
    expect(merges).toContain('B21:D22');
    expect(ws.pageSetup.printArea).toBe('A1:E29');
    expect(ws.pageSetup.printTitlesRow).toBe('5:5');
    // the template's logo moved down with its row; no stamp yet, so {{gambar:cap}} leaves the cell empty
    const gambar = ws.getImages();
    expect(gambar).toHaveLength(1);
    expect(gambar[0]!.range.tl.nativeRow).toBe(17);
    expect(ws.getCell('E21').value).toBeNull();
  });

  it('anchors the stamp (book 13) at {{gambar:cap}} once the profile has one', async () => {
    const cap = path.join(dir, 'cap.png');
    fs.writeFileSync(cap, PNG);
    expect((await wksbm(db, ['profil', 'cap', cap])).code).toBe(0);
    const tpl = path.join(dir, 'form-dinas-cap.xlsx');
    await templatDinas(tpl);
    const out = path.join(dir, 'dengan-cap.xlsx');
    expect(
      (await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '--templat', tpl, '-o', out]))
        .code,
    ).toBe(0);
    const gambar = (await bacaWorkbook(out)).getWorksheet('Form Dinas')!.getImages();
    expect(gambar.map((g) => [g.range.tl.nativeRow, g.range.tl.nativeCol]).sort()).toEqual([
      [17, 0],
      [20, 4],
    ]);
    const bawaan = path.join(dir, 'bawaan-cap.xlsx');
    expect((await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', bawaan])).code).toBe(0);
    const wb = await bacaWorkbook(bawaan);
    for (const nama of ['Keuangan', 'Buku Kas', 'Penyaluran', 'PPKS']) {
      const ws = wb.getWorksheet(nama)!;
      const stempel = ws.getImages();
      expect(stempel, nama).toHaveLength(1);
      // just below "Ketua WKSBM …" in the ketua's column: over the ketua's signature space, as a wet stamp
      expect(stempel[0]!.range.tl.nativeRow, nama).toBe(barisDengan(ws, 'B', 'Ketua WKSBM Ngudi Mulyo'));
      expect(stempel[0]!.range.tl.nativeCol, nama).toBe(1);
    }
  });

  it('a misspelt marker fails naming the sheet and cell, exit 2, nothing written', async () => {
    const tpl = path.join(dir, 'salah.xlsx');
    await templatDinas(tpl, true);
    const out = path.join(dir, 'tidak-ada.xlsx');
    const sebelum = snapshot(db);
    const r = await wksbm(db, [
      'laporan',
      'triwulan',
      '--tahun',
      '2026',
      '--triwulan',
      '3',
      '--templat',
      tpl,
      '-o',
      out,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Form Dinas!E3: {{salod_awal}} tidak dikenal');
    expect(fs.existsSync(out)).toBe(false);
    expect(snapshot(db)).toBe(sebelum);
  });

  it('a template that is not a workbook is bad input (exit 2)', async () => {
    const tpl = path.join(dir, 'bukan.xlsx');
    fs.writeFileSync(tpl, 'bukan xlsx');
    const r = await wksbm(db, [
      'laporan',
      'triwulan',
      '--tahun',
      '2026',
      '--triwulan',
      '3',
      '--templat',
      tpl,
      '-o',
      path.join(dir, 'x.xlsx'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tidak bisa dibaca');
  });
});
