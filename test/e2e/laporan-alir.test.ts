// A long quarter's cash book is streamed into the workbook (src/render/templat-alir.ts) instead of
// held: the treasurer gets the same workbook either way, page for page.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bacaZip } from '../../src/render/zip.js';
import { bacaWorkbook, unitContoh } from '../fixtures/unit-contoh.js';
import { ok, tmpDir } from '../helpers.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const LAPORAN = ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'];
// held below this many entries, streamed from it (the unit has 12 entries of its own in the quarter)
const TAHAN = { WKSBM_BATAS_ALIR: '1000000' };
const ALIR = { WKSBM_BATAS_ALIR: '0' };

/** 150 more entries in the quarter, some with long descriptions (taller rows) and XML's own characters. */
function csvKas(file: string): void {
  const baris = ['Tanggal,Uraian,Sumber/Jenis,Dana,Akun,Masuk,Keluar'];
  for (let i = 0; i < 150; i++) {
    const tgl = `2026-0${7 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const akun = i % 4 === 0 ? 'bri' : 'tunai';
    const uraian =
      i % 9 === 0 ? `Iuran warga RT ${i} & 'PKK' <dasa wisma> untuk kegiatan bersama sebulan penuh` : `Jimpitan ${i}`;
    baris.push(
      i % 5 === 2
        ? `${tgl},Beli ATK ${i},operasional,umum,${akun},,"7.500"`
        : `${tgl},"${uraian}",jimpitan,umum,${akun},"${10_000 + i}",`,
    );
  }
  fs.writeFileSync(file, `${baris.join('\n')}\n`);
}

/** Everything a reader sees: every cell's value and style, row heights and breaks, merges, print setup, pictures. */
function gambaran(wb: ExcelJS.Workbook): unknown {
  return {
    nama: wb.definedNames.model,
    sheet: wb.worksheets.map((ws) => {
      const sel: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        sel.push([r, row.height, row.hidden]);
        row.eachCell({ includeEmpty: true }, (c) => sel.push([c.address, c.value, c.type, c.style]));
      });
      const jangkar = (a: ExcelJS.Anchor | undefined) =>
        a && [a.nativeCol, a.nativeColOff, a.nativeRow, a.nativeRowOff];
      // exceljs keeps editAs on the range but does not declare it
      const gambar = ws
        .getImages()
        .map(({ imageId, range: r }) => [imageId, jangkar(r.tl), jangkar(r.br), (r as { editAs?: string }).editAs]);
      const kolom = ws.columns?.map((c) => [c.width, c.hidden]);
      return { nama: ws.name, state: ws.state, sel, merges: ws.model.merges, ps: ws.pageSetup, gambar, kolom };
    }),
    breaks: wb.worksheets.map((ws) => (ws as unknown as { rowBreaks: unknown }).rowBreaks),
  };
}

/** The cash book sheet's own XML: streamed rows carry their text inline, exceljs's held rows share it. */
function xmlBukuKas(file: string): string {
  const isi = bacaZip(fs.readFileSync(file));
  return isi.find((a) => a.nama === 'xl/worksheets/sheet3.xml')!.isi.toString('utf8');
}

describe('laporan triwulan: a long cash book streamed', () => {
  let db: string;
  let dir: string;
  beforeAll(async () => {
    db = await unitContoh();
    dir = tmpDir();
    csvKas(path.join(dir, 'kas.csv'));
    await ok(db, ['kas', 'impor', path.join(dir, 'kas.csv')]);
    fs.writeFileSync(path.join(dir, 'cap.png'), PNG);
    await ok(db, ['profil', 'cap', path.join(dir, 'cap.png')]);
  }, 60_000);

  it('gives the held workbook: cells, styles, heights, merges, page breaks, stamp, _data and kode segel', async () => {
    const [tahan, alir] = [path.join(dir, 'tahan.xlsx'), path.join(dir, 'alir.xlsx')];
    await ok(db, [...LAPORAN, '-o', tahan], TAHAN);
    await ok(db, [...LAPORAN, '-o', alir], ALIR);
    expect(xmlBukuKas(tahan).includes('inlineStr')).toBe(false);
    const teks = '<c r="D9" s="6" t="inlineStr"><is><t>Iuran warga RT 0 &amp; &apos;PKK&apos; &lt;dasa wisma&gt;';
    expect(xmlBukuKas(alir).includes(teks)).toBe(true);
    const [a, b] = [await bacaWorkbook(tahan), await bacaWorkbook(alir)];
    const bk = b.getWorksheet('Buku Kas')!;
    // the quarter's 162 entries under the header (row 9 on), on several printed pages, the signature below
    expect(bk.getCell('A170').value).toBe(162);
    expect(bk.rowCount).toBeGreaterThan(180);
    expect(gambaran(b)).toEqual(gambaran(a));
    expect(fs.statSync(alir).mode & 0o777).toBe(0o600);
    // the seal checks out against the books, as for the held one
    const r = await ok(db, ['periksa', '--laporan', alir]);
    expect(r.stdout).toMatch(/semua baik/);
  }, 60_000);
});
