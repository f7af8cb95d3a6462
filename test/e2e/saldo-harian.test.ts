// saldo_harian, the day totals the floor checks read: kept by every write of the real binary (single
// postings, voids, aid, death benefits, stock, sales, imports through the writer thread and their
// reversal), filled by the migration from an older file's rows, and checked by periksa.

import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { penyediaMigrasi } from '../../src/db/migrations/index.js';
import { ok, refused, sqlite, unitBaru, wksbm } from '../helpers.js';

function query(db: string, q: string): unknown[] {
  const s = sqlite(db);
  try {
    return s.prepare(q).all();
  } finally {
    s.close();
  }
}

const tersimpan = (db: string) =>
  query(db, 'SELECT buku, kode, tanggal, gerak, saldo FROM saldo_harian ORDER BY buku, kode, tanggal');
/** the same rows added up from the books themselves */
const dariBuku = (db: string) =>
  query(
    db,
    `SELECT buku, kode, tanggal, gerak, sum(gerak) OVER (PARTITION BY buku, kode ORDER BY tanggal) AS saldo
     FROM (SELECT buku, kode, tanggal, sum(gerak) AS gerak FROM gerak_saldo GROUP BY buku, kode, tanggal)
     ORDER BY buku, kode, tanggal`,
  );

async function periksaBersih(db: string) {
  const p = await wksbm(db, ['periksa', '--json']);
  expect(p.json(), p.stdout).toEqual({ ok: true, temuan: [] });
}

describe('saldo_harian', () => {
  it('every kind of write keeps the day totals equal to what the books add up to', async () => {
    const db = await unitBaru();
    const dir = path.dirname(db);
    await ok(db, ['akun', 'tambah', 'bri', '--nama', 'BRI']);
    await ok(db, [
      'ppks',
      'tambah',
      '--nik',
      '3402084107650003',
      '--nama',
      'Tukiyem',
      '--jk',
      'P',
      '--kategori',
      'LUT',
      '--dasar',
      'tugas_publik',
    ]);
    await ok(db, ['kas', 'masuk', '--jumlah', '2000000', '--sumber', 'donatur', '--tanggal', '2026-10-01']);
    await ok(db, ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'iuran_kematian', '--tanggal', '2026-10-01']);
    await ok(db, ['kas', 'pindah', '--jumlah', '700000', '--dari', 'tunai', '--ke', 'bri', '--tanggal', '2026-10-02']);
    await ok(db, ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-10-03']);
    await ok(db, ['kas', 'batal', '001/PB/X/2026', '--alasan', 'salah akun', '--tanggal', '2026-10-04']);
    await ok(db, ['salur', '--ppks', '1', '--layanan', 'jaminan', '--jumlah', '300000', '--tanggal', '2026-10-05']);
    await ok(db, [
      'santunan',
      '--almarhum',
      'Wiryo',
      '--tanggal-wafat',
      '2026-10-01',
      '--ahli-waris',
      'Sumarni',
      '--hubungan',
      'istri',
      '--jumlah',
      '250000',
      '--tanggal',
      '2026-10-05',
    ]);
    await ok(db, [
      'natura',
      'masuk',
      '--barang',
      'beras',
      '--kuantitas',
      '12,5',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-10-01',
    ]);
    await ok(db, ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '1', '--tanggal', '2026-10-02']);
    await ok(db, [
      'natura',
      'jual',
      '--barang',
      'beras',
      '--kuantitas',
      '5',
      '--jumlah',
      '60000',
      '--tanggal',
      '2026-10-03',
    ]);
    await ok(db, ['natura', 'batal', '3', '--alasan', 'batal jual', '--tanggal', '2026-10-06']);
    await ok(db, [
      'salur',
      '--ppks',
      '1',
      '--layanan',
      'jaminan',
      '--barang',
      'beras',
      '--kuantitas',
      '2',
      '--tanggal',
      '2026-10-07',
    ]);
    const csv = path.join(dir, 'kas.csv');
    fs.writeFileSync(
      csv,
      [
        'Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar',
        '01/09/2026,Jimpitan,jimpitan,umum,"20.000",',
        '02/10/2026,ATK,operasional,umum,,"15.000"',
        '02/10/2026,Iuran,iuran_kematian,kematian,"10.000",',
      ].join('\n') + '\n',
    );
    const impor = (await ok(db, ['kas', 'impor', csv, '--json'])).json();
    expect(impor.ditambah).toBe(3);
    expect(tersimpan(db)).toEqual(dariBuku(db));
    expect(tersimpan(db)).toContainEqual({
      buku: 'stok',
      kode: 'beras',
      tanggal: '2026-10-07',
      gerak: -2000,
      saldo: 9500,
    });
    await periksaBersih(db);
    await ok(db, ['impor', 'batal', String(impor.impor_id)]);
    expect(tersimpan(db)).toEqual(dariBuku(db));
    await periksaBersih(db);
  });

  it('a backdated payment is refused with the same message when a later day would go below zero', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '80000', '--jenis', 'operasional', '--tanggal', '2026-07-10']);
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '50000', '--jenis', 'operasional', '--tanggal', '2026-07-05'],
      new RegExp(
        String.raw`^Saldo akun "tunai" tidak boleh di bawah nol: saldonya akan menjadi -Rp 30\.000 ` +
          String.raw`pada 10 Jul 2026\. Tidak ada yang dicatat\.$`,
        'm',
      ),
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '150000', '--jenis', 'operasional', '--tanggal', '2026-07-05'],
      /saldonya akan menjadi -Rp 50\.000 pada 5 Jul 2026\./,
    );
    await ok(db, ['kas', 'masuk', '--jumlah', '60000', '--sumber', 'iuran_kematian', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '40000', '--jenis', 'santunan_kematian', '--tanggal', '2026-07-10']);
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '30000', '--jenis', 'santunan_kematian', '--tanggal', '2026-07-05'],
      /^Dana terikat "kematian" tidak boleh di bawah nol: saldonya akan menjadi -Rp 10\.000 pada 10 Jul 2026\./m,
    );
    await ok(db, [
      'natura',
      'masuk',
      '--barang',
      'beras',
      '--kuantitas',
      '5',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-07-01',
    ]);
    await ok(db, ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '4', '--tanggal', '2026-07-10']);
    await refused(
      db,
      ['natura', 'keluar', '--barang', 'beras', '--kuantitas', '2', '--tanggal', '2026-07-05'],
      /^Stok beras tidak boleh di bawah nol: stoknya akan menjadi -1 kg pada 10 Jul 2026\./m,
    );
    expect(tersimpan(db)).toEqual(dariBuku(db));
  });

  it('a void restores the balance it took, from its own date on', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '80000', '--jenis', 'operasional', '--tanggal', '2026-07-10']);
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '50000', '--jenis', 'operasional', '--tanggal', '2026-07-12'],
      /-Rp 30\.000 pada 12 Jul 2026/,
    );
    await ok(db, ['kas', 'batal', '001/BKK/VII/2026', '--alasan', 'salah ketik', '--tanggal', '2026-07-10']);
    // the payment and its void share the day: the day stays, with no net movement
    expect(tersimpan(db)).toEqual([
      { buku: 'akun', kode: 'tunai', tanggal: '2026-07-01', gerak: 100000, saldo: 100000 },
      { buku: 'akun', kode: 'tunai', tanggal: '2026-07-10', gerak: 0, saldo: 100000 },
      { buku: 'dana', kode: 'umum', tanggal: '2026-07-01', gerak: 100000, saldo: 100000 },
      { buku: 'dana', kode: 'umum', tanggal: '2026-07-10', gerak: 0, saldo: 100000 },
    ]);
    await ok(db, ['kas', 'keluar', '--jumlah', '50000', '--jenis', 'operasional', '--tanggal', '2026-07-12']);
    expect(tersimpan(db)).toEqual(dariBuku(db));
    await periksaBersih(db);
  });

  it('periksa finds a tampered total, and a cash row deleted or inserted outside the tool', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '20000', '--jenis', 'operasional', '--tanggal', '2026-07-02']);
    await ok(db, ['kas', 'masuk', '--jumlah', '30000', '--sumber', 'iuran', '--tanggal', '2026-07-03']);
    const s = sqlite(db);
    s.prepare(
      "UPDATE saldo_harian SET gerak = gerak + 1000 WHERE buku = 'akun' AND kode = 'tunai' AND tanggal = '2026-07-02'",
    ).run();
    s.close();
    const r = await wksbm(db, ['periksa', '--json']);
    expect(r.code).toBe(1);
    expect(r.json().temuan).toEqual([
      {
        jenis: 'saldo_harian',
        pesan:
          'Total harian akun tunai pada 2 Jul 2026 tercatat -Rp 19.000, padahal entrinya berjumlah -Rp 20.000: ada ' +
          'entri yang ditambah, dihapus atau diubah di luar wksbm, atau totalnya diubah.',
      },
      {
        jenis: 'saldo_harian',
        pesan:
          'Saldo akhir hari akun tunai pada 2 Jul 2026 tercatat Rp 80.000, padahal jumlah total hariannya Rp 81.000: ' +
          'tabel saldo_harian diubah di luar wksbm.',
      },
    ]);

    const d = await unitBaru();
    await ok(d, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(d, ['kas', 'keluar', '--jumlah', '20000', '--jenis', 'operasional', '--tanggal', '2026-07-02']);
    const t = sqlite(d);
    t.exec('DROP TRIGGER kas_tanpa_hapus');
    t.prepare("DELETE FROM kas WHERE nomor = '001/BKK/VII/2026'").run();
    t.prepare(
      'INSERT INTO kas (nomor, bukti, tahun, urut, arah, tanggal, jumlah, sumber, dana, akun, dibuat, ' +
        "hash_sebelum, hash) VALUES ('002/BKM/VII/2026', 'BKM', 2026, 2, 'masuk', '2026-07-05', 5000, 'zakat', " +
        "'zakat', 'tunai', 'x', 'x', 'x')",
    ).run();
    t.close();
    const pesan = ((await wksbm(d, ['periksa', '--json'])).json().temuan as { jenis: string; pesan: string }[])
      .filter((x) => x.jenis === 'saldo_harian')
      .map((x) => x.pesan);
    expect(pesan).toEqual([
      expect.stringMatching(
        /^Total harian akun tunai pada 2 Jul 2026 tercatat -Rp 20\.000, padahal entrinya berjumlah Rp 0:/,
      ),
      expect.stringMatching(
        /^Total harian dana umum pada 2 Jul 2026 tercatat -Rp 20\.000, padahal entrinya berjumlah Rp 0:/,
      ),
      expect.stringMatching(
        /^Total harian dana zakat pada 5 Jul 2026 tercatat Rp 0, padahal entrinya berjumlah Rp 5\.000:/,
      ),
    ]);
  });

  it('kas saldo, akun daftar and the report read balances from the day totals, one way for all', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '20000', '--jenis', 'operasional', '--tanggal', '2026-07-02']);
    const s = sqlite(db);
    // a day-end total changed outside the tool: every reader shows it (and periksa names it)
    s.prepare("UPDATE saldo_harian SET saldo = saldo + 7000 WHERE tanggal = '2026-07-02'").run();
    s.close();
    expect((await ok(db, ['kas', 'saldo', '--json'])).json().total).toBe(87_000);
    expect((await ok(db, ['kas', 'saldo', '--tanggal', '2026-07-01', '--json'])).json().total).toBe(100_000);
    const akun = (await ok(db, ['akun', 'daftar', '--json'])).json();
    expect(JSON.stringify(akun)).toContain('87000');
    const laporan = await ok(db, ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3']);
    expect(laporan.json().keuangan.per_dana.find((d: { kode: string }) => d.kode === 'umum').saldo).toBe(87_000);
    expect((await wksbm(db, ['periksa', '--json'])).json().temuan.map((t: { jenis: string }) => t.jenis)).toEqual([
      'saldo_harian',
      'saldo_harian',
    ]);
  });

  it('the migration fills the table from the rows of a file made before it', async () => {
    const db = await unitBaru();
    await ok(db, ['akun', 'tambah', 'bri', '--nama', 'BRI']);
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'pindah', '--jumlah', '60000', '--dari', 'tunai', '--ke', 'bri', '--tanggal', '2026-07-02']);
    await ok(db, [
      'kas',
      'keluar',
      '--jumlah',
      '20000',
      '--jenis',
      'operasional',
      '--akun',
      'bri',
      '--tanggal',
      '2026-07-02',
    ]);
    await ok(db, [
      'natura',
      'masuk',
      '--barang',
      'beras',
      '--kuantitas',
      '3',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-07-01',
    ]);
    const dulu = tersimpan(db);
    expect(dulu.length).toBe(6);
    // the file as the previous version left it
    // the file as the version before 0004 left it: every later migration undone by its own down()
    const s = sqlite(db);
    const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: s }) });
    const m = new Migrator({
      db: k,
      provider: penyediaMigrasi,
      migrationTableName: 'migrasi',
      migrationLockTableName: 'migrasi_kunci',
    });
    expect((await m.migrateTo('0003-terdaftar')).error).toBeUndefined();
    await k.destroy();
    expect(query(db, "SELECT name FROM sqlite_master WHERE name = 'saldo_harian'")).toEqual([]);
    await ok(db, ['kas', 'saldo']);
    expect(fs.readdirSync(path.dirname(db)).some((f) => f.includes('sebelum-migrasi'))).toBe(true);
    expect(tersimpan(db)).toEqual(dulu);
    await periksaBersih(db);
  });
});
