// Rows that were not imported, written back in the file's own layout (same headers, same delimiter)
// with an `alasan` column, so the user can fix them and import the file again.
import fs from 'node:fs';
import { barisCsv } from '../domain/csv.js';
import { type BerkasSiap, tulisSementara } from '../render/pribadi.js';
import { siapkanXlsx } from '../render/simpan-xlsx.js';
import type { Sel, Tabel } from './baca.js';

/**
 * The file of rows not imported, written whole beside `berkas` before the import commits: a disk too full for it
 * fails the command before anything is kept. `pasang` gives it its name once the import is in.
 */
export async function siapkanDitolak(
  berkas: string,
  kepala: Sel[],
  rows: { sel: Sel[]; alasan: string }[],
  tabel: Tabel,
): Promise<BerkasSiap> {
  const lebar = kepala.length;
  const isi = rows.map((r) => [...Array.from({ length: lebar }, (_, i) => r.sel[i] ?? ''), r.alasan]);
  if (berkas.toLowerCase().endsWith('.xlsx')) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ditolak');
    ws.addRow([...kepala, 'alasan']);
    // exceljs writes a string as a text cell, never a formula: nothing to make inert here
    for (const r of isi) ws.addRow(r);
    return siapkanXlsx(wb, berkas);
  }
  const p = tabel.pemisah;
  const teks = barisCsv([[...kepala, 'alasan'], ...isi], p);
  // Excel opens UTF-8 correctly only with a BOM; keep plain UTF-8 for files that had none.
  const bom = tabel.bom || tabel.encoding !== 'utf-8';
  return tulisSementara(berkas, (sementara) => fs.writeFileSync(sementara, (bom ? '\ufeff' : '') + teks));
}
