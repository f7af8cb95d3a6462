// Merging cells on an exceljs sheet in time of the range's size, not of the sheet's merges.
import type ExcelJSNs from 'exceljs';
import { parseAlamat } from './a1.js';

type Sudut = ReturnType<typeof parseAlamat>;

/**
 * Merges `rentang` (`B3:E3`) as `ws.mergeCells` does. exceljs checks a new merge against every merge already on the
 * sheet, so a sheet of many merges costs their square: a quarter's 1,273 receipts (13 merges each) took 42 s.
 * Here the range's own cells are asked whether they are merged already (refused as exceljs refuses, in
 * Indonesian), and exceljs merges with the sheet's other merges held aside for that moment, then put back in the
 * order made. This reaches into exceljs 4.4's `_merges` (the version is pinned); a sheet without it is merged by
 * exceljs alone.
 */
export function gabungkan(ws: ExcelJSNs.Worksheet, rentang: string): void {
  const w = ws as unknown as { _merges?: Record<string, unknown> };
  const semua = w._merges;
  if (typeof semua !== 'object' || semua === null) return void ws.mergeCells(rentang);
  const [a, b] = rentang.split(':').map(parseAlamat) as [Sudut, Sudut];
  for (let r = Math.min(a.baris, b.baris); r <= Math.max(a.baris, b.baris); r++)
    for (let k = Math.min(a.kolom, b.kolom); k <= Math.max(a.kolom, b.kolom); k++)
      if (ws.getCell(r, k).isMerged) throw new Error(`sel ${rentang} bertumpuk dengan sel gabungan lain`);
  w._merges = {};
  try {
    ws.mergeCells(rentang);
  } finally {
    w._merges = Object.assign(semua, w._merges);
  }
}
