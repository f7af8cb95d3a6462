import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RP_ID } from '../../src/render/gaya.js';
import { ROOT, tmpDir } from '../helpers.js';

/** Values, formats, merges, widths and print setup of every sheet: what a reviewer of the template cares about. */
async function ringkas(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const sel: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        sel[c.address] = { v: c.value, f: c.numFmt, b: c.font?.bold ?? false, border: Boolean(c.border?.top) };
      }),
    );
    return {
      nama: ws.name,
      sel,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
      lebar: Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width),
      cetak: {
        o: ws.pageSetup.orientation,
        p: ws.pageSetup.paperSize,
        t: ws.pageSetup.printTitlesRow,
        fit: [ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight],
      },
      kaki: ws.headerFooter.oddFooter,
    };
  });
}

describe('templates/laporan-triwulan.xlsx', () => {
  it('is what scripts/templat.js builds (refresh with `npm run templat`)', async () => {
    // @ts-expect-error plain JS script
    const { buatTemplat } = await import('../../scripts/templat.js');
    const baru = path.join(tmpDir(), 'templat.xlsx');
    await buatTemplat(baru);
    expect(
      await ringkas(path.join(ROOT, 'templates', 'laporan-triwulan.xlsx')),
      'templates/laporan-triwulan.xlsx is stale: run `npm run templat`',
    ).toEqual(await ringkas(baru));
  });

  it('uses the Indonesian money and date formats and is wide enough for Rp999.999.999', async () => {
    const sheets = await ringkas(path.join(ROOT, 'templates', 'laporan-triwulan.xlsx'));
    const format = new Set(sheets.flatMap((s) => Object.values(s.sel).map((c) => (c as { f: string }).f)));
    expect(format).toContain(RP_ID);
    expect(format).toContain('[$-421]d mmmm yyyy');
    for (const s of sheets) {
      for (const [addr, c] of Object.entries(s.sel) as [string, { f: string }][]) {
        const kolom = addr.replace(/\d+$/, '');
        const lebar = s.lebar[kolom.charCodeAt(0) - 65] ?? 9;
        // "Rp 999.999.999" is 14 characters; dates like "30 September 2026" are 17
        if (c.f === RP_ID) expect(lebar, `${s.nama}!${addr}`).toBeGreaterThanOrEqual(15);
        if (c.f === '[$-421]d mmmm yyyy' && s.nama !== 'Identitas')
          expect(lebar, `${s.nama}!${addr}`).toBeGreaterThanOrEqual(17);
      }
    }
  });
});
