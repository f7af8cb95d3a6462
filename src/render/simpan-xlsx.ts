// Saving an in-memory workbook that holds personal data: owner-only, written whole or not at all.
import fs from 'node:fs';
import type ExcelJSNs from 'exceljs';
import { siapkanBerkasPribadi } from './pribadi.js';

export async function simpanPribadi(wb: ExcelJSNs.Workbook, keluar: string): Promise<void> {
  const sementara = `${keluar}.${process.pid}.tmp`;
  try {
    siapkanBerkasPribadi(sementara);
    await wb.xlsx.writeFile(sementara);
    fs.renameSync(sementara, keluar);
  } finally {
    fs.rmSync(sementara, { force: true });
  }
}
