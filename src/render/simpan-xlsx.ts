// Saving an in-memory workbook that holds personal data: owner-only, written whole or not at all.
import fs from 'node:fs';
import type ExcelJSNs from 'exceljs';
import { denganBerkas, siapkanBerkasPribadi } from './pribadi.js';

export async function simpanPribadi(wb: ExcelJSNs.Workbook, keluar: string): Promise<void> {
  const sementara = `${keluar}.${process.pid}.tmp`;
  try {
    siapkanBerkasPribadi(sementara);
    await wb.xlsx.writeFile(sementara);
    fs.renameSync(sementara, keluar);
  } catch (e) {
    // a full disk meets exceljs's write stream, whose error names no file
    throw denganBerkas(e, sementara);
  } finally {
    fs.rmSync(sementara, { force: true });
  }
}
