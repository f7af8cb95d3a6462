// A workbook saved through a private scratch file (src/render/simpan-xlsx.ts): whole or not at all, and a write that
// fails names the file the user asked for.
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { terjemahkanGalatBerkas } from '../../src/cli/galat-sistem.js';
import { simpanPribadi } from '../../src/render/simpan-xlsx.js';
import { tmpDir } from '../helpers.js';

describe('simpanPribadi', () => {
  it('a disk that fills under exceljs: the error names the workbook, and nothing is left in its folder', async () => {
    const dir = tmpDir();
    const keluar = path.join(dir, 'donatur.xlsx');
    // exceljs writes through a stream: a full disk reaches it as an error without a file name
    const wb = {
      xlsx: {
        writeFile: async (f: string) => {
          fs.writeFileSync(f, 'PK awal');
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      },
    } as unknown as ExcelJS.Workbook;
    const galat = await simpanPribadi(wb, keluar).catch((e: unknown) => e);
    expect(terjemahkanGalatBerkas(galat)).toEqual({
      kode: 1,
      pesan: `Berkas "${keluar}" tidak bisa ditulis: ruang disk habis. Kosongkan sebagian disk lalu ulangi.`,
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
