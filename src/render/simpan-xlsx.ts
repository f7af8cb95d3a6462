// Saving an in-memory workbook that holds personal data: owner-only, written whole or not at all.
import type ExcelJSNs from 'exceljs';
import { type BerkasSiap, tulisSementara } from './pribadi.js';

export async function simpanPribadi(wb: ExcelJSNs.Workbook, keluar: string): Promise<void> {
  (await siapkanXlsx(wb, keluar)).pasang();
}

/** The workbook written beside `keluar`, given its name only by `pasang` (see tulisSementara). */
export function siapkanXlsx(wb: ExcelJSNs.Workbook, keluar: string): Promise<BerkasSiap> {
  return tulisSementara(keluar, (sementara) => wb.xlsx.writeFile(sementara));
}
