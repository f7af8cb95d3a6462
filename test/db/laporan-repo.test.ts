// The quarter's figures as read from the unit: what came in from donors is summed in the same pass over the
// quarter's entries as the posts (kas_pos), so it must follow the same rules as a sum of its own; the registers come
// as lines of alike rows with their number, which the report counts as it counted the rows.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadBahanLaporan } from '../../src/db/laporan-repo.js';
import type { Database } from '../../src/db/types.js';
import { laporanTriwulan } from '../../src/reports/laporan-triwulan.js';
import { ok, unitBaru } from '../helpers.js';

describe('loadBahanLaporan', () => {
  it("sums the quarter's donor receipts: a void takes one back; not other quarters', not donorless", async () => {
    const db = await unitBaru();
    await ok(db, ['donatur', 'tambah', '--nama', 'Bu Siti', '--hp', '081234567890']);
    const masuk = (jumlah: string, tanggal: string, donatur = ['--donatur', '1']) =>
      ok(db, ['kas', 'masuk', '--jumlah', jumlah, '--sumber', 'donatur', ...donatur, '--tanggal', tanggal]);
    await masuk('100000', '2026-07-05');
    await masuk('200000', '2026-07-06');
    await masuk('300000', '2026-06-30');
    await masuk('400000', '2026-07-07', []);
    await masuk('800000', '2026-10-01');
    await ok(db, ['kas', 'batal', '002/BKM/VII/2026', '--alasan', 'salah catat', '--tanggal', '2026-07-08']);
    await ok(db, ['kas', 'keluar', '--jumlah', '50000', '--jenis', 'operasional', '--tanggal', '2026-08-03']);

    const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(db) }) });
    try {
      const b = await loadBahanLaporan(k, '2026-07-01', '2026-09-30', '2026-06-30', false);
      expect(b?.sumbanganDonatur).toBe(100_000);
      // the posts are the same pass's: receipts 100,000 + 200,000 − 200,000 + 400,000, and the payment
      const masukDonatur = b?.kasPerPos.find((p) => p.arah === 'masuk' && p.sumber === 'donatur');
      expect(masukDonatur).toMatchObject({ jumlah: 500_000, entri: 4 });
      expect(b?.kasPerPos.find((p) => p.arah === 'keluar')).toMatchObject({ jumlah: 50_000, entri: 1 });
      // the register comes as one line per kind and day registered, with its number
      expect(b?.donatur).toEqual([{ jenis: 'perorangan', terdata: '2026-11-22', n: 1 }]);
      const kosong = await loadBahanLaporan(k, '2025-01-01', '2025-03-31', '2024-12-31', false);
      expect(kosong?.sumbanganDonatur).toBe(0);
      expect(kosong?.kasPerPos).toEqual([]);
    } finally {
      await k.destroy();
    }
  });

  it('the registers as lines of alike rows and their number: the quarter counts them as before', async () => {
    const db = await unitBaru();
    const tambah = (nama: string, jenis: string, terdaftar: string) =>
      ok(db, ['donatur', 'tambah', '--nama', nama, '--jenis', jenis, '--terdaftar', terdaftar]);
    await tambah('Bu Siti', 'perorangan', '2026-07-01');
    await tambah('Pak Darmo', 'perorangan', '2026-07-01');
    await tambah('Toko Makmur', 'lembaga', '2026-07-01');
    await tambah('Bu Sri', 'perorangan', '2026-05-02');
    await tambah('Pak Joyo', 'perorangan', '2026-10-05');
    const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(db) }) });
    try {
      const b = (await loadBahanLaporan(k, '2026-07-01', '2026-09-30', '2026-06-30', false))!;
      const urut = [...b.donatur].sort((x, y) => `${x.jenis}${x.terdata}`.localeCompare(`${y.jenis}${y.terdata}`));
      expect(urut).toEqual([
        { jenis: 'lembaga', terdata: '2026-07-01', n: 1 },
        { jenis: 'perorangan', terdata: '2026-05-02', n: 1 },
        { jenis: 'perorangan', terdata: '2026-07-01', n: 2 },
        { jenis: 'perorangan', terdata: '2026-10-05', n: 1 },
      ]);
      const m = laporanTriwulan(b, { tahun: 2026, triwulan: 3 }, '2026-10-01');
      // registered by the quarter's end: all but Pak Joyo; new in it: the three of 1 July
      expect(m.donatur).toMatchObject({ perorangan: 3, lembaga: 1, csr: 0, jumlah: 4, baru: 3 });
    } finally {
      await k.destroy();
    }
  });
});
