// A BNBA list from SIKS-NG/DTSEN: only NIK and name (often KK, address, desil); sex and birth
// date come from the NIK, the category from --kategori or as the other system writes it.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { snapshot, sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';

const PEREMPUAN = '3402084107650003'; // 01-07-1965, day + 40
const LAKI = '3402081203800001'; // 12-03-1980

function ppks(db: string): Record<string, unknown>[] {
  const s = sqlite(db);
  try {
    return s
      .prepare(
        'SELECT nik, no_kk, nama, jk, tanggal_lahir, alamat, kategori, status, dasar_pemrosesan, id_dtks, desil FROM ' +
          'ppks ORDER BY id',
      )
      .all() as Record<string, unknown>[];
  } finally {
    s.close();
  }
}

describe('ppks impor from a BNBA list', () => {
  it('CSV with NOMOR NIK, NAMA, NOMOR KK, ALAMAT, DESIL and --kategori/--dasar for every row', async () => {
    const db = await unitBaru();
    const f = path.join(tmpDir(), 'bnba.csv');
    fs.writeFileSync(
      f,
      [
        'NO;NOMOR NIK;NAMA;NOMOR KK;ALAMAT;ID DTKS;DESIL',
        `1;${PEREMPUAN};TUKIYEM;3402080101090001;JETIS RT 01;DTKS-001;1`,
        `2;${LAKI};SUPARMAN;3402080101090002;JETIS RT 02;;3`,
      ].join('\r\n'),
    );
    const sebelum = snapshot(db);
    const tanpa = await wksbm(db, ['ppks', 'impor', f]);
    expect(tanpa.code).toBe(2);
    expect(tanpa.stderr).toContain('kategori');
    expect(snapshot(db)).toBe(sebelum);

    const r = await wksbm(db, [
      'ppks',
      'impor',
      f,
      '--kategori',
      'KELUARGA FAKIR MISKIN',
      '--dasar',
      'tugas_publik',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ dibaca: 2, ditambah: 2, ditolak: 0 });
    expect(ppks(db)).toEqual([
      {
        nik: PEREMPUAN,
        no_kk: '3402080101090001',
        nama: 'TUKIYEM',
        jk: 'P',
        tanggal_lahir: '1965-07-01',
        alamat: 'JETIS RT 01',
        kategori: 'FM',
        status: 'aktif',
        dasar_pemrosesan: 'tugas_publik',
        id_dtks: 'DTKS-001',
        desil: 1,
      },
      {
        nik: LAKI,
        no_kk: '3402080101090002',
        nama: 'SUPARMAN',
        jk: 'L',
        tanggal_lahir: '1980-03-12',
        alamat: 'JETIS RT 02',
        kategori: 'FM',
        status: 'aktif',
        dasar_pemrosesan: 'tugas_publik',
        id_dtks: null,
        desil: 3,
      },
    ]);
  });

  it('a --kategori that matches nothing is refused before any row, with the nearest category', async () => {
    const db = await unitBaru();
    const f = path.join(tmpDir(), 'bnba.csv');
    fs.writeFileSync(f, `NIK;NAMA\n${LAKI};SUPARMAN\n`);
    const r = await wksbm(db, ['--json', 'ppks', 'impor', f, '--kategori', 'warga miskin']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Kategori PPKS "warga miskin" tidak dikenal; maksudnya FM \(Fakir Miskin\)\?/);
    expect(r.stderr.length).toBeLessThan(160);
    expect(r.json().galat.isian).toBe('kategori');
    expect(ppks(db)).toEqual([]);
  });

  it('XLSX with categories as SIKS-NG writes them; a row with neither sex nor NIK is refused', async () => {
    const db = await unitBaru();
    const f = path.join(tmpDir(), 'bnba.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('BNBA');
    ws.addRow(['NIK', 'NAMA', 'NO KK', 'KATEGORI PPKS']);
    ws.addRow([PEREMPUAN, 'TUKIYEM', '3402080101090001', 'ANAK DENGAN KEDISABILITASAN (ADK)']);
    ws.addRow([LAKI, 'SUPARMAN', '', 'BEKAS WARGA BINAAN LEMBAGA PEMASYARAKATAN  (BWBLP)']);
    ws.addRow(['3402085501900004', 'PAINEM', '', 'ORANG DENGAN HIV / AIDS']);
    ws.addRow(['', 'TANPA NIK', '', 'lansia']);
    await wb.xlsx.writeFile(f);
    const r = await wksbm(db, ['impor', 'ppks', f, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ dibaca: 4, ditambah: 3, ditolak: 1 });
    expect(r.json().baris[0].alasan).toContain('Jenis kelamin');
    expect(ppks(db).map((p) => [p.nama, p.jk, p.tanggal_lahir, p.kategori])).toEqual([
      ['TUKIYEM', 'P', '1965-07-01', 'ADK'],
      ['SUPARMAN', 'L', '1980-03-12', 'BWBLP'],
      ['PAINEM', 'P', '1990-01-15', 'ODHA'],
    ]);
  });

  it('ppks tambah understands the same category names', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, [
      '--json',
      'ppks',
      'tambah',
      '--nik',
      LAKI,
      '--nama',
      'Suparman',
      '--jk',
      'L',
      '--kategori',
      'lansia',
      '--lahir',
      '1950-03-12',
      '--dasar',
      'tugas_publik',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ kategori: 'LUT' });
    const salah = await wksbm(db, ['ppks', 'tambah', '--nama', 'X', '--jk', 'L', '--kategori', 'anak nakal']);
    expect(salah.code).toBe(2);
    expect(salah.stderr).toMatch(/maksudnya .+\?/);
  });
});
