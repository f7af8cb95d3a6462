// The kode segel covers the journal's head too: a register change made outside the tool and then
// journalled away (the journal rewritten and re-hashed, so plain `periksa` is clean) is found by
// `periksa --laporan` against a workbook sealed before it.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type EntriJurnal, hashJurnal } from '../../src/domain/jurnal.js';
import { type KepalaRantai, kodeSegel } from '../../src/domain/segel.js';
import { sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';

async function temuan(db: string, ...args: string[]) {
  const r = await wksbm(db, ['periksa', '--json', ...args]);
  return { code: r.code, temuan: r.json().temuan as { jenis: string; pesan: string }[] };
}

/** A careful forger: the PPKS renamed, its journal entry rewritten and every hash from there recomputed. */
function jurnalkanDiLuar(db: string) {
  const s = sqlite(db);
  const pemicu = (s.prepare("SELECT sql FROM sqlite_master WHERE name = 'jurnal_tanpa_ubah'").get() as any).sql;
  s.exec('DROP TRIGGER jurnal_tanpa_ubah');
  s.exec("UPDATE ppks SET nama = 'Orang Lain' WHERE id = 1");
  const semua = s.prepare('SELECT * FROM jurnal ORDER BY id').all() as (EntriJurnal & { id: number; hash: string })[];
  let sebelum = '0'.repeat(64);
  for (const e of semua) {
    if (e.buku === 'ppks') e.isi = e.isi.replace('"Tukiyem"', '"Orang Lain"');
    const hash = hashJurnal(sebelum, e);
    s.prepare('UPDATE jurnal SET isi = ?, hash_sebelum = ?, hash = ? WHERE id = ?').run(e.isi, sebelum, hash, e.id);
    sebelum = hash;
  }
  s.exec(pemicu);
  s.close();
}

describe('the journal head in the seal', () => {
  it('is in _data; a register change journalled away after the seal is found by periksa --laporan', async () => {
    const db = await unitBaru();
    const tambah = [
      'ppks',
      'tambah',
      '--nama',
      'Tukiyem',
      '--jk',
      'P',
      '--kategori',
      'LUT',
      '--terdaftar',
      '2026-07-01',
    ];
    expect((await wksbm(db, tambah)).code).toBe(0);
    const xlsx = path.join(tmpDir(), 'q3.xlsx');
    expect((await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const data = JSON.parse(String(wb.getWorksheet('_data')!.getCell('A1').value));
    expect(data.segel.rantai.jurnal.jumlah).toBeGreaterThan(1);
    expect(await temuan(db, '--laporan', xlsx)).toEqual({ code: 0, temuan: [] });

    jurnalkanDiLuar(db);
    expect(await temuan(db)).toEqual({ code: 0, temuan: [] });
    const r = await temuan(db, '--laporan', xlsx);
    expect(r.code).toBe(1);
    expect(r.temuan).toEqual([
      {
        jenis: 'segel',
        id: expect.any(Number),
        pesan: expect.stringMatching(/^Entri jurnal id \d+ \(buku ppks\) diubah sesudah disegel laporan/),
      },
    ]);
  });

  it('leaves the code of an older seal (no journal head) as it was printed, and changes a new one', () => {
    const k = (n: number): KepalaRantai => ({ jumlah: n, id: n, hash: String(n).repeat(64), langkah: 1, titik: [] });
    const angka = { tahun: 2026, triwulan: 3 };
    // printed by the code before the journal was sealed (commit f4bb7e4)
    expect(kodeSegel({ kas: k(4), natura: k(0) }, angka)).toBe('R828-MSG5-S7YD');
    expect(kodeSegel({ kas: k(4), natura: k(0), jurnal: k(5) }, angka)).not.toBe('R828-MSG5-S7YD');
  });
});
