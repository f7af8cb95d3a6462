import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hashRow } from '../../src/ledger/hash.js';
import { sqlite, tmpDir, unitBaru, wksbm } from '../helpers.js';

async function isi(db: string) {
  for (const args of [
    ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran', '--tanggal', '2026-07-01'],
    ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat', '--tanggal', '2026-07-02'],
    ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-07-03'],
    ['kas', 'keluar', '--jumlah', '20000', '--jenis', 'operasional', '--tanggal', '2026-07-04'],
  ])
    expect((await wksbm(db, args)).code).toBe(0);
}

/** A unit with four Q3 entries and its sealed Q3 workbook. */
async function disegel(): Promise<{ db: string; xlsx: string }> {
  const db = await unitBaru();
  await isi(db);
  const xlsx = path.join(tmpDir(), 'q3.xlsx');
  expect((await wksbm(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', xlsx])).code).toBe(0);
  return { db, xlsx };
}

async function temuan(db: string, ...args: string[]) {
  const r = await wksbm(db, ['periksa', '--json', ...args]);
  return { code: r.code, temuan: r.json().temuan as { jenis: string; pesan: string; id?: number }[] };
}

/** Appends a row to kas that copies the last one with other values, its hash recomputed: a careful forger. */
function palsukan(db: string, ubah: Record<string, unknown>) {
  const s = sqlite(db);
  const akhir = s.prepare('SELECT * FROM kas ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
  const row: Record<string, unknown> = { ...akhir, id: Number(akhir.id) + 1, hash_sebelum: akhir.hash, ...ubah };
  row.hash = hashRow('kas', String(row.hash_sebelum), row);
  const kolom = Object.keys(row);
  s.prepare(`INSERT INTO kas (${kolom.join(', ')}) VALUES (${kolom.map(() => '?').join(', ')})`).run(
    ...kolom.map((k) => row[k] as never),
  );
  s.close();
}

describe('the seal of a quarterly workbook', () => {
  it('is in _data and printed on the Keuangan sheet; periksa --laporan is clean on the untouched ledger', async () => {
    const { db, xlsx } = await disegel();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const data = JSON.parse(String(wb.getWorksheet('_data')!.getCell('A1').value));
    expect(data.segel.rantai.kas).toMatchObject({ jumlah: 4, id: 4, langkah: 1 });
    expect(data.segel.rantai.kas.titik).toHaveLength(4);
    expect(data.segel.kode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const teks: string[] = [];
    wb.getWorksheet('Keuangan')!.eachRow((r) => r.eachCell((c) => void teks.push(String(c.value))));
    expect(teks).toContain(`Kode segel buku: ${data.segel.kode}`);
    expect(await temuan(db, '--laporan', xlsx)).toEqual({ code: 0, temuan: [] });
    // an entry dated after the quarter is not a change to the sealed history
    expect(
      (await wksbm(db, ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'iuran', '--tanggal', '2026-10-01'])).code,
    ).toBe(0);
    expect((await temuan(db, '--laporan', xlsx)).code).toBe(0);
  });

  it('names the last cash row deleted after sealing (triggers dropped, nothing recomputed)', async () => {
    const { db, xlsx } = await disegel();
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_hapus');
    s.exec('DELETE FROM kas WHERE id = 4');
    s.exec(
      "CREATE TRIGGER kas_tanpa_hapus BEFORE DELETE ON kas\nBEGIN SELECT RAISE(ABORT, 'entri kas yang " +
        "sudah diposting tidak boleh dihapus; batalkan dengan wksbm kas batal'); END",
    );
    s.close();
    const r = await temuan(db, '--laporan', xlsx);
    expect(r.code).toBe(1);
    // the seal names the row; the day totals it leaves behind are findings of their own
    expect(r.temuan.filter((t) => t.jenis !== 'saldo_harian')).toEqual([
      {
        jenis: 'segel',
        id: 4,
        pesan: `1 entri kas terakhir yang disegel laporan ${xlsx} (sampai id 4) sudah dihapus.`,
      },
    ]);
    expect(r.temuan.filter((t) => t.jenis === 'saldo_harian').length).toBeGreaterThan(0);
  });

  it('names the last two cash rows deleted', async () => {
    const { db, xlsx } = await disegel();
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_hapus');
    s.exec('DELETE FROM kas WHERE id >= 3');
    s.close();
    const r = await temuan(db, '--laporan', xlsx);
    expect(r.temuan.map((t) => t.pesan)).toContain(
      `2 entri kas terakhir yang disegel laporan ${xlsx} (sampai id 4) sudah dihapus.`,
    );
  });

  it('names a middle row deleted and a sealed row replaced by a forgery with a recomputed hash', async () => {
    const { db, xlsx } = await disegel();
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_hapus');
    s.exec('DELETE FROM kas WHERE id = 4');
    s.close();
    palsukan(db, { jumlah: 5_000_000, nomor: '002/BKK/VII/2026', urut: 2 });
    const r = await temuan(db, '--laporan', xlsx);
    expect(r.code).toBe(1);
    expect(r.temuan.filter((t) => t.jenis === 'segel')).toEqual([
      { jenis: 'segel', id: 4, pesan: `Entri kas 002/BKK/VII/2026 (id 4) diubah sesudah disegel laporan ${xlsx}.` },
    ]);
  });

  it('names a forged 5,000,000 BKK appended with a recomputed hash and dated inside the sealed quarter', async () => {
    const { db, xlsx } = await disegel();
    palsukan(db, { jumlah: 5_000_000, nomor: '003/BKK/VII/2026', urut: 3 });
    // the chain itself is consistent (only the overdrawn cash shows): the seal names the row
    // the forged row was not counted in the day totals either
    expect((await temuan(db)).temuan.map((t) => t.jenis)).toEqual(['saldo', 'saldo_harian', 'saldo_harian']);
    const r = await temuan(db, '--laporan', xlsx);
    expect(r.code).toBe(1);
    expect(r.temuan.filter((t) => t.jenis === 'segel')).toEqual([
      {
        jenis: 'segel',
        id: 5,
        pesan:
          `Entri kas 003/BKK/VII/2026 (id 5) tertanggal 4 Jul 2026 ditambahkan sesudah disegel laporan ${xlsx}, ` +
          `padahal masuk periode yang dilaporkan.`,
      },
    ]);
  });

  it('a _data sheet whose seal was edited is refused by its hash', async () => {
    const { db, xlsx } = await disegel();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('_data')!;
    ws.getCell('A1').value = String(ws.getCell('A1').value).replace('"jumlah":4', '"jumlah":3');
    await wb.xlsx.writeFile(xlsx);
    const r = await temuan(db, '--laporan', xlsx);
    expect(r.code).toBe(1);
    expect(r.temuan[0]!.pesan).toMatch(/^Laporan .* tidak bisa diperiksa: /);
  });
});

describe('the seal of a closing (kas tutup)', () => {
  it('is recorded in tutup_buku and periksa finds the closed history cut short', async () => {
    const db = await unitBaru();
    await isi(db);
    const tutup = await wksbm(db, ['kas', 'tutup', '2026-3', '--json']);
    expect(tutup.code).toBe(0);
    const kode = tutup.json().kode_segel;
    expect(kode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const s = sqlite(db);
    expect(JSON.parse((s.prepare('SELECT segel FROM tutup_buku').get() as { segel: string }).segel).kode).toBe(kode);
    s.exec('DROP TRIGGER kas_tanpa_hapus');
    s.exec('DELETE FROM kas WHERE id = 4');
    s.close();
    const r = await temuan(db);
    expect(r.code).toBe(1);
    expect(r.temuan.map((t) => t.pesan)).toContain(
      '1 entri kas terakhir yang disegel penutupan triwulan III/2026 (sampai id 4) sudah dihapus.',
    );
  });
});

describe('periksa and the triggers', () => {
  it('names a dropped trigger and a rewritten one', async () => {
    const db = await unitBaru();
    const s = sqlite(db);
    s.exec('DROP TRIGGER kas_tanpa_hapus');
    s.exec('DROP TRIGGER natura_tanpa_ubah');
    s.exec('CREATE TRIGGER natura_tanpa_ubah BEFORE UPDATE ON natura WHEN 0 BEGIN SELECT 1; END');
    s.close();
    const r = await temuan(db);
    expect(r.code).toBe(1);
    expect(r.temuan).toEqual([
      {
        jenis: 'pemicu',
        pesan: 'Pemicu (trigger) kas_tanpa_hapus yang menjaga tabel kas hilang: tabel itu bisa diubah di luar wksbm.',
      },
      { jenis: 'pemicu', pesan: 'Pemicu (trigger) natura_tanpa_ubah pada tabel natura diubah di luar wksbm.' },
    ]);
  });

  it('aid, death benefits and the import log refuse edits and deletion in the file itself', async () => {
    const db = await unitBaru();
    const s = sqlite(db);
    const pemicu = s.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
    expect(pemicu).toEqual(
      expect.arrayContaining([
        'penyaluran_tanpa_ubah',
        'penyaluran_tanpa_hapus',
        'santunan_tanpa_ubah',
        'santunan_tanpa_hapus',
        'impor_tanpa_ubah',
      ]),
    );
    s.close();
  });
});
