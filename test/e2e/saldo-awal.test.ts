// Opening balances (#10 item 6): recorded once as SA vouchers, neither income nor expense, shown as
// saldo awal in the cash book, the balances and the quarterly report, voided whole and recorded again.
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { penyediaMigrasi } from '../../src/db/migrations/index.js';
import { refused, sqlite, unitBaru, wksbm } from '../helpers.js';

const SALDO_AWAL = [
  'saldo-awal',
  '--tanggal',
  '30/06/2026',
  '--akun',
  'tunai=1.500.000',
  '--akun',
  'bri=3.000.000',
  '--dana',
  'zakat=500.000',
  '--dana',
  'kematian=700.000',
  '--natura',
  'beras=25',
];

async function ok(db: string, args: string[]) {
  const r = await wksbm(db, [...args, '--json']);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.json();
}

async function unitDenganBri(): Promise<string> {
  const db = await unitBaru();
  expect((await wksbm(db, ['akun', 'tambah', 'bri', '--nama', 'BRI Unit Srandakan'])).code).toBe(0);
  return db;
}

async function saldo(db: string, per: 'dana' | 'akun') {
  return (await ok(db, ['kas', 'saldo', '--per', per])).per;
}

describe('saldo-awal', () => {
  it('records accounts, restricted funds and rice once; umum holds the rest; neither income nor expense', async () => {
    const db = await unitDenganBri();
    const r = await ok(db, SALDO_AWAL);
    expect(r.dana).toEqual({ kematian: 700_000, zakat: 500_000, umum: 3_300_000 });
    expect(r.bukti.map((b: { nomor: string }) => b.nomor)).toEqual([
      '001/SA/VI/2026',
      '002/SA/VI/2026',
      '003/SA/VI/2026',
      '004/SA/VI/2026',
    ]);
    expect(await saldo(db, 'akun')).toEqual({ tunai: 1_500_000, bri: 3_000_000 });
    expect(await saldo(db, 'dana')).toEqual({ kematian: 700_000, umum: 3_300_000, zakat: 500_000 });
    expect(await ok(db, ['natura', 'saldo'])).toMatchObject({ beras: { kuantitas: 25, satuan: 'kg' } });
    expect((await wksbm(db, ['kas', 'saldo'])).stdout).toMatch(
      /Termasuk saldo awal per 30 Juni 2026: Rp 4\.500\.000\./,
    );

    // the cash book: SA rows move the balance as saldo awal, never as penerimaan
    const buku = await wksbm(db, ['kas', 'daftar']);
    expect(buku.stdout).toMatch(/Saldo awal dicatat Rp 4\.500\.000 · Penerimaan Rp 0 · Pengeluaran Rp 0/);
    const baris = await ok(db, ['kas', 'daftar']);
    expect(baris[3]).toMatchObject({ nomor: '004/SA/VI/2026', penerimaan: 0, saldo_awal: 3_000_000, saldo: 4_500_000 });

    // a tenant's quarter: SA within it is saldo awal, the quarter after carries it
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'donatur', '--tanggal', '01/07/2026']);
    const q2 = (await ok(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '2'])).keuangan;
    expect(q2).toMatchObject({ saldo_awal: 4_500_000, total_penerimaan: 0, saldo_akhir: 4_500_000 });
    const q3 = (await ok(db, ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3'])).keuangan;
    expect(q3).toMatchObject({ saldo_awal: 4_500_000, total_penerimaan: 100_000, saldo_akhir: 4_600_000 });
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
  });

  it('refuses a second one, a fund above the accounts, a date after an entry, bad input; nothing written', async () => {
    const db = await unitDenganBri();
    const t = ['saldo-awal', '--tanggal', '30/06/2026'];
    await refused(db, [...t, '--akun', 'tunai=1.000.000', '--dana', 'zakat=2.000.000'], /dana umum akan minus/);
    await refused(db, [...t, '--akun', 'bca=5'], /akun "bca" tidak dikenal/);
    await refused(db, [...t, '--akun', 'tunai=5', '--dana', 'umum=5'], /dana umum menampung sisanya/);
    await refused(db, [...t, '--akun', 'tunai'], /tulis kode=jumlah/);
    await refused(db, [...t, '--akun', 'tunai=abc'], /saldo akun tunai "abc" tidak sah/);
    await refused(db, [...t, '--akun', 'tunai=5', '--akun', 'tunai=6'], /disebut dua kali/);
    await refused(db, t, /saldo awal kosong/);
    await refused(db, ['saldo-awal', '--akun', 'tunai=5'], /tanggal saldo awal wajib diisi: berikan --tanggal/);
    await refused(db, ['saldo-awal', '--tanggal', '23/11/2026', '--akun', 'tunai=5'], /lewat dari hari ini/);
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'donatur', '--tanggal', '01/07/2026']);
    await refused(
      db,
      ['saldo-awal', '--tanggal', '02/07/2026', '--akun', 'tunai=5'],
      /paling lambat 1 Jul 2026: tunai sudah punya entri 001\/BKM\/VII\/2026/,
    );
    await ok(db, [...t, '--akun', 'tunai=5']);
    await refused(db, [...t, '--akun', 'tunai=5'], /Saldo awal sudah dicatat \(001\/SA\/VI\/2026/);
    const json = await wksbm(db, [...t, '--akun', 'tunai=5', '--json']);
    expect(json.json().galat).toMatchObject({ kode: 2 });
  });

  it('a mistake is voided whole by kas batal (rice too), then recorded again; periksa stays clean', async () => {
    const db = await unitDenganBri();
    await ok(db, SALDO_AWAL);
    const beras = (await ok(db, ['natura', 'daftar']))[0];
    await refused(db, ['natura', 'batal', String(beras.id), '--alasan', 'salah'], /kas batal 001\/SA\/VI\/2026/);
    const batal = await wksbm(db, ['kas', 'batal', '003/SA/VI/2026', '--alasan', 'salah hitung']);
    expect(batal.code, batal.stderr).toBe(0);
    expect(batal.stdout).toMatch(/Saldo awal dibatalkan: 001\/SA\/VI\/2026, 002.*004\/SA\/VI\/2026 dibalik oleh/);
    expect(await saldo(db, 'akun')).toEqual({ tunai: 0, bri: 0 });
    expect(await ok(db, ['natura', 'saldo'])).toMatchObject({ beras: { kuantitas: 0 } });
    const lagi = await ok(db, ['saldo-awal', '--tanggal', '30/06/2026', '--akun', 'tunai=1.200.000']);
    // the voids are SA vouchers too (005–008/SA/XI/2026): the sequence runs on
    expect(lagi.bukti[0].nomor).toBe('009/SA/VI/2026');
    expect(await saldo(db, 'dana')).toMatchObject({ umum: 1_200_000, zakat: 0 });
    const periksa = await wksbm(db, ['periksa']);
    expect(periksa.code, periksa.stdout + periksa.stderr).toBe(0);
  });
});

describe('migration 0008', () => {
  it('rebuilds kas for SA with every row, hash, trigger and reference kept', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '20000', '--jenis', 'operasional', '--tanggal', '2026-07-02']);
    await ok(db, ['kas', 'batal', '001/BKK/VII/2026', '--alasan', 'salah']);
    // the file as the version before 0008 left it
    const s = sqlite(db);
    const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: s }) });
    const m = new Migrator({
      db: k,
      provider: penyediaMigrasi,
      migrationTableName: 'migrasi',
      migrationLockTableName: 'migrasi_kunci',
    });
    expect((await m.migrateTo('0007-ppks-dtsen')).error).toBeUndefined();
    await k.destroy();
    const baca = (sql: string) => {
      const d = sqlite(db);
      try {
        return d.prepare(sql).all();
      } finally {
        d.close();
      }
    };
    expect(JSON.stringify(baca("SELECT sql FROM sqlite_master WHERE name = 'kas'"))).not.toMatch(/'SA'/);
    const dulu = baca('SELECT * FROM kas ORDER BY id');
    expect(dulu).toHaveLength(3);
    await ok(db, ['kas', 'saldo']);
    expect(baca('SELECT * FROM kas ORDER BY id')).toEqual(dulu);
    expect(baca("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'kas' ORDER BY name")).toEqual([
      { name: 'kas_tanpa_hapus' },
      { name: 'kas_tanpa_ubah' },
    ]);
    const periksa = await wksbm(db, ['periksa']);
    expect(periksa.code, periksa.stdout + periksa.stderr).toBe(0);
    await ok(db, ['saldo-awal', '--tanggal', '30/06/2026', '--akun', 'tunai=50.000']);
  });
});
