import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ok as berhasil, refused, sqlite, unitBaru, wksbm } from '../helpers.js';

/** ok() with --json: the command's parsed output */
async function ok(db: string, args: string[], env?: Record<string, string>) {
  return (await berhasil(db, [...args, '--json'], env)).json();
}

describe('kas masuk / keluar / pindah', () => {
  it('posts receipts and payments with gapless vouchers per kind per year', async () => {
    const db = await unitBaru();
    expect(
      await ok(db, ['kas', 'masuk', '--jumlah', '1.250.000', '--sumber', 'jimpitan', '--tanggal', '03/07/2026']),
    ).toMatchObject({
      id: 1,
      nomor: '001/BKM/VII/2026',
      jumlah: 1_250_000,
      dana: 'umum',
      akun: 'tunai',
      tanggal: '2026-07-03',
    });
    expect(
      await ok(db, ['kas', 'masuk', '--jumlah', 'Rp 200.000', '--sumber', 'iuran', '--tanggal', '2026-10-05']),
    ).toMatchObject({ nomor: '002/BKM/X/2026' });
    expect(
      await ok(db, [
        'kas',
        'keluar',
        '--jumlah',
        '45.000',
        '--jenis',
        'operasional',
        '--uraian',
        'Map dan buku kas',
        '--tanggal',
        '2026-10-06',
      ]),
    ).toMatchObject({ nomor: '001/BKK/X/2026', jumlah: 45_000, jenis: 'operasional', uraian: 'Map dan buku kas' });
    // a new year's entries are posted once the year has come (an entry is never dated after today)
    const januari = { WKSBM_HARI_INI: '2027-01-05' };
    expect(
      await ok(db, ['kas', 'masuk', '--jumlah', '1,5jt', '--sumber', 'donatur', '--tanggal', '02/01/2027'], januari),
    ).toMatchObject({ nomor: '001/BKM/I/2027', jumlah: 1_500_000 });
    const plain = await wksbm(
      db,
      ['kas', 'masuk', '--jumlah', '10000', '--sumber', 'arisan', '--tanggal', '2027-01-03'],
      { env: januari },
    );
    expect(plain.stdout.trim()).toBe('Tercatat 002/BKM/I/2027 sebesar Rp 10.000.');
  });

  it('defaults the date to today (WIB), the account to tunai and the fund from the source', async () => {
    const db = await unitBaru();
    expect(await ok(db, ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat'])).toMatchObject({
      tanggal: '2026-11-22',
      dana: 'zakat',
      akun: 'tunai',
    });
    expect(await ok(db, ['kas', 'masuk', '--jumlah', '300000', '--sumber', 'iuran_kematian'])).toMatchObject({
      dana: 'kematian',
    });
    expect(await ok(db, ['kas', 'keluar', '--jumlah', '100000', '--jenis', 'santunan_kematian'])).toMatchObject({
      dana: 'kematian',
    });
  });

  it('a transfer moves money between accounts and is neither income nor expense', async () => {
    const db = await unitBaru();
    await ok(db, ['akun', 'tambah', 'bri', '--nama', 'BRI Unit Bantul']);
    await ok(db, ['kas', 'masuk', '--jumlah', '1500000', '--sumber', 'donatur', '--tanggal', '2026-07-01']);
    expect(
      await ok(db, [
        'kas',
        'pindah',
        '--jumlah',
        '1000000',
        '--dari',
        'tunai',
        '--ke',
        'bri',
        '--tanggal',
        '2026-07-02',
      ]),
    ).toMatchObject({ nomor: '001/PB/VII/2026', akun: 'tunai', akun_tujuan: 'bri', dana: null });
    expect(await ok(db, ['kas', 'saldo', '--per', 'akun'])).toEqual({
      total: 1_500_000,
      per: { tunai: 500_000, bri: 1_000_000 },
    });
    expect(await ok(db, ['akun', 'daftar'])).toEqual([
      { kode: 'tunai', nama: 'Kas tunai', saldo: 500_000 },
      { kode: 'bri', nama: 'BRI Unit Bantul', saldo: 1_000_000 },
    ]);
    expect((await wksbm(db, ['akun', 'daftar'])).stdout).toContain('Rp 1.000.000');
    await refused(db, ['akun', 'tambah', 'bri', '--nama', 'lagi'], /akun "bri" sudah ada/);
    expect(await ok(db, ['kas', 'saldo', '--per', 'dana'])).toEqual({
      total: 1_500_000,
      per: { umum: 1_500_000, zakat: 0, kematian: 0 },
    });
    const buku = await ok(db, ['kas', 'daftar', '--triwulan', '2026-3']);
    expect(
      buku.map((b: { penerimaan: number; pengeluaran: number; saldo: number }) => [
        b.penerimaan,
        b.pengeluaran,
        b.saldo,
      ]),
    ).toEqual([
      [1_500_000, 0, 1_500_000],
      [0, 0, 1_500_000],
    ]);
    const bri = await ok(db, ['kas', 'daftar', '--akun', 'bri']);
    expect(bri).toHaveLength(1);
    expect(bri[0]).toMatchObject({ penerimaan: 1_000_000, saldo: 1_000_000 });
    await refused(
      db,
      ['kas', 'pindah', '--jumlah', '600000', '--dari', 'tunai', '--ke', 'bri', '--tanggal', '2026-07-03'],
      /Saldo akun "tunai" tidak boleh di bawah nol/,
    );
    await refused(
      db,
      ['kas', 'pindah', '--jumlah', '1000', '--dari', 'bri', '--ke', 'bri'],
      /Akun asal dan tujuan sama/,
    );
  });

  it('warns that a meterai is due above Rp5.000.000, and still posts', async () => {
    const db = await unitBaru();
    const r = await wksbm(db, [
      'kas',
      'masuk',
      '--jumlah',
      '5.000.001',
      '--sumber',
      'kerjasama',
      '--tanggal',
      '2026-07-01',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('Perhatian: Rp 5.000.001 lebih dari Rp 5.000.000, bukti perlu bermeterai Rp10.000.');
    const at = await wksbm(db, ['kas', 'masuk', '--jumlah', '5jt', '--sumber', 'kerjasama', '--tanggal', '2026-07-01']);
    expect(at.stderr).toBe('');
  });

  it('balances on a date and per fund', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'masuk', '--jumlah', '50000', '--sumber', 'zakat', '--tanggal', '2026-08-01']);
    expect(await ok(db, ['kas', 'saldo', '--tanggal', '31/07/2026'])).toEqual({
      total: 100_000,
      per: { umum: 100_000, zakat: 0, kematian: 0 },
    });
    expect(await ok(db, ['kas', 'saldo'])).toEqual({
      total: 150_000,
      per: { umum: 100_000, zakat: 50_000, kematian: 0 },
    });
  });

  it('names a donor as people write the name: titles, capitals, accents; the name as written first', async () => {
    const db = await unitBaru();
    for (const nama of ['Hj. Siti Aminah', 'Ibu Siti Aminah', 'Lestari Déwi', 'JOKO.WIDODO, S.E.'])
      await berhasil(db, ['donatur', 'tambah', '--nama', nama]);
    const donatur = async (nama: string) =>
      (await ok(db, ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'donatur', '--donatur', nama])).donatur_id;
    expect(await donatur('hj. siti aminah')).toBe(1);
    expect(await donatur('Bu lestari dewi')).toBe(3);
    expect(await donatur('Pak Joko Widodo')).toBe(4);
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'donatur', '--donatur', 'Siti Aminah'],
      /donatur "Siti Aminah" cocok dengan 2 orang/,
    );
  });
});

describe('refusals leave the ledger unchanged', () => {
  it('bad amounts, dates and unknown codes', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await refused(db, ['kas', 'masuk', '--jumlah', 'seratus', '--sumber', 'iuran'], /^jumlah "seratus" tidak sah/);
    await refused(db, ['kas', 'masuk', '--jumlah', '0', '--sumber', 'iuran'], /jumlah "0" tidak sah/);
    await refused(db, ['kas', 'masuk', '--jumlah', '-5000', '--sumber', 'iuran'], /jumlah "-5000" tidak sah/);
    await refused(db, ['kas', 'masuk', '--jumlah', '12.50', '--sumber', 'iuran'], /jumlah "12.50" tidak sah/);
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--tanggal', '31/09/2026'],
      /tanggal "31\/09\/2026" tidak sah/,
    );
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'judi'],
      /sumber "judi" tidak dikenal. Pilihan: usaha, donatur/,
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '5000', '--jenis', 'foya'],
      /jenis pengeluaran "foya" tidak dikenal/,
    );
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--dana', 'rahasia'],
      /dana "rahasia" tidak dikenal/,
    );
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--akun', 'bca'],
      /akun "bca" tidak dikenal/,
    );
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--donatur', 'Pak Entah'],
      /donatur "Pak Entah" tidak ditemukan/,
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '5000', '--jenis', 'kegiatan', '--kegiatan', '99'],
      /kegiatan "99" tidak ada/,
    );
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'zakat', '--dana', 'umum'],
      /sumber "zakat" harus masuk ke dana "zakat"/,
    );
    await refused(db, ['kas', 'keluar', '--jumlah', '5000', '--jenis', 'penyaluran'], /wajib menyebut layanan/);
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--bogus', 'x'],
      /opsi tidak dikenal: --bogus/,
    );
  });

  it('refuses an entry dated after today', async () => {
    const db = await unitBaru();
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--tanggal', '23/11/2026'],
      /^tanggal "23 Nov 2026" tidak sah: lewat dari hari ini/,
    );
  });

  it('missing required fields without a terminal name their flag', async () => {
    const db = await unitBaru();
    await refused(db, ['kas', 'masuk', '--sumber', 'iuran'], /^jumlah wajib diisi: berikan --jumlah/);
    await refused(db, ['kas', 'masuk', '--jumlah', '5000'], /^sumber wajib diisi: berikan --sumber/);
    await refused(db, ['kas', 'keluar', '--jumlah', '5000'], /wajib diisi: berikan --jenis/);
    await refused(db, ['kas', 'pindah', '--jumlah', '5000', '--dari', 'tunai'], /wajib diisi: berikan --ke/);
    // the voucher is checked before anything is asked about it
    await refused(db, ['kas', 'batal', '001/BKM/VII/2026'], /^Bukti "001\/BKM\/VII\/2026" tidak ada di buku kas/);
    await wksbm(db, ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await refused(db, ['kas', 'batal', '001/BKM/VII/2026'], /alasan pembatalan wajib diisi: berikan --alasan/);
    await refused(db, ['--no-input', 'kas', 'masuk'], /berikan --jumlah/);
  });

  it('restricted funds: zakat only for aid with an asnaf, kematian only for santunan, neither below zero', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '1000000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat', '--tanggal', '2026-07-02']);
    await ok(db, ['kas', 'masuk', '--jumlah', '300000', '--sumber', 'iuran_kematian', '--tanggal', '2026-07-02']);
    await refused(
      db,
      [
        'kas',
        'keluar',
        '--jumlah',
        '600000',
        '--jenis',
        'penyaluran',
        '--layanan',
        'jaminan',
        '--dana',
        'zakat',
        '--asnaf',
        'fakir',
        '--tanggal',
        '2026-07-03',
      ],
      /Dana terikat "zakat" tidak boleh di bawah nol: saldonya akan menjadi -Rp 100.000 pada 3 Jul 2026/,
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '100000', '--jenis', 'operasional', '--dana', 'zakat'],
      /Dana "zakat" hanya boleh dipakai untuk penyaluran, bukan "operasional"/,
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '100000', '--jenis', 'penyaluran', '--layanan', 'jaminan', '--dana', 'zakat'],
      /wajib menyebut asnaf/,
    );
    await refused(
      db,
      [
        'kas',
        'keluar',
        '--jumlah',
        '100000',
        '--jenis',
        'penyaluran',
        '--layanan',
        'jaminan',
        '--dana',
        'zakat',
        '--asnaf',
        'kaya',
      ],
      /asnaf "kaya" tidak dikenal/,
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '400000', '--jenis', 'santunan_kematian', '--tanggal', '2026-07-03'],
      /Dana terikat "kematian" tidak boleh di bawah nol/,
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '100000', '--jenis', 'operasional', '--dana', 'kematian'],
      /hanya boleh dipakai untuk santunan_kematian/,
    );
    expect(
      await ok(db, [
        'kas',
        'keluar',
        '--jumlah',
        '500000',
        '--jenis',
        'penyaluran',
        '--layanan',
        'jaminan',
        '--dana',
        'zakat',
        '--asnaf',
        'fakir',
        '--tanggal',
        '2026-07-03',
      ]),
    ).toMatchObject({ asnaf: 'fakir', layanan: 'jaminan' });
    // backdating a payment before the money came in is refused too
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '300000', '--jenis', 'santunan_kematian', '--tanggal', '2026-07-01'],
      /Dana terikat "kematian".*1 Jul 2026/,
    );
  });

  it('a user-made restricted fund is floored at zero; the general fund may lend to the account', async () => {
    const db = await unitBaru();
    await ok(db, ['dana', 'tambah', 'infak_masjid', '--nama', 'Infak masjid', '--terikat']);
    await ok(db, [
      'kas',
      'masuk',
      '--jumlah',
      '100000',
      '--sumber',
      'donatur',
      '--dana',
      'infak_masjid',
      '--tanggal',
      '2026-07-01',
    ]);
    await refused(
      db,
      [
        'kas',
        'keluar',
        '--jumlah',
        '150000',
        '--jenis',
        'lainnya',
        '--dana',
        'infak_masjid',
        '--tanggal',
        '2026-07-02',
      ],
      /Dana terikat "infak_masjid"/,
    );
    await refused(
      db,
      ['kas', 'keluar', '--jumlah', '150000', '--jenis', 'lainnya', '--tanggal', '2026-07-02'],
      /Saldo akun "tunai" tidak boleh di bawah nol/,
    );
    await refused(db, ['dana', 'tambah', 'infak_masjid', '--nama', 'lagi'], /dana "infak_masjid" sudah ada/);
    await refused(db, ['dana', 'tambah', 'Infak Masjid', '--nama', 'x'], /kode dana "Infak Masjid" tidak sah/);
    expect((await ok(db, ['dana', 'daftar'])).find((d: { kode: string }) => d.kode === 'infak_masjid')).toEqual({
      kode: 'infak_masjid',
      nama: 'Infak masjid',
      terikat: true,
      hanya_jenis: null,
      saldo: 100_000,
    });
  });
});

describe('kas batal', () => {
  it('posts a reversing entry linked to the original; both stay in the book', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '200000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-07-05']);
    const v = await ok(db, ['kas', 'batal', '001/BKK/VII/2026', '--alasan', 'salah catat', '--tanggal', '2026-07-06']);
    expect(v).toMatchObject({
      nomor: '002/BKK/VII/2026',
      jumlah: -45_000,
      batal_dari: 2,
      alasan_batal: 'salah catat',
      jenis: 'operasional',
    });
    const buku = await ok(db, ['kas', 'daftar']);
    expect(buku).toHaveLength(3);
    expect(buku[1]).toMatchObject({ nomor: '001/BKK/VII/2026', dibatalkan_oleh: '002/BKK/VII/2026' });
    expect(buku[2]).toMatchObject({
      nomor: '002/BKK/VII/2026',
      batal_dari: '001/BKK/VII/2026',
      pengeluaran: -45_000,
      saldo: 200_000,
    });
    expect((await ok(db, ['kas', 'saldo'])).total).toBe(200_000);
    await refused(
      db,
      ['kas', 'batal', '001/BKK/VII/2026', '--alasan', 'lagi'],
      /sudah dibatalkan oleh 002\/BKK\/VII\/2026/,
    );
    await refused(db, ['kas', 'batal', '002/BKK/VII/2026', '--alasan', 'lagi'], /adalah pembatalan/);
    await refused(db, ['kas', 'batal', '009/BKK/VII/2026', '--alasan', 'x'], /Bukti "009\/BKK\/VII\/2026" tidak ada/);
  });

  it('refuses a void that would drive an account below zero', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '200000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    await ok(db, ['kas', 'keluar', '--jumlah', '150000', '--jenis', 'operasional', '--tanggal', '2026-07-05']);
    await refused(
      db,
      ['kas', 'batal', '001/BKM/VII/2026', '--alasan', 'x', '--tanggal', '2026-07-06'],
      /Saldo akun "tunai" tidak boleh di bawah nol/,
    );
  });
});

describe('closed quarters', () => {
  it('refuse entries dated inside; reopening is logged with its reason', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '200000', '--sumber', 'iuran', '--tanggal', '2026-07-01']);
    expect(await ok(db, ['kas', 'tutup', '2026-3'])).toEqual({
      tahun: 2026,
      triwulan: 3,
      tutup: true,
      kode_segel: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    });
    await refused(
      db,
      ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--tanggal', '2026-09-30'],
      /triwulan III\/2026 yang sudah ditutup/,
    );
    await refused(
      db,
      ['kas', 'batal', '001/BKM/VII/2026', '--alasan', 'x', '--tanggal', '2026-08-01'],
      /sudah ditutup/,
    );
    await refused(db, ['kas', 'tutup', '2026-3'], /sudah ditutup/);
    await refused(db, ['kas', 'tutup', '2026-4'], /belum berakhir/);
    await refused(db, ['kas', 'buka', '2026-3'], /alasan membuka kembali wajib diisi: berikan --alasan/);
    // a void dated in an open quarter is allowed for an entry in a closed one
    expect(
      await ok(db, ['kas', 'batal', '001/BKM/VII/2026', '--alasan', 'salah', '--tanggal', '2026-10-01']),
    ).toMatchObject({ nomor: '002/BKM/X/2026' });
    await ok(db, ['kas', 'buka', '2026-3', '--alasan', 'koreksi dari Dinas']);
    expect(
      await ok(db, ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--tanggal', '2026-09-30']),
    ).toMatchObject({ nomor: '003/BKM/IX/2026' });
    const s = sqlite(db);
    expect(s.prepare('SELECT tahun, triwulan, aksi, alasan FROM tutup_buku ORDER BY id').all()).toEqual([
      { tahun: 2026, triwulan: 3, aksi: 'tutup', alasan: null },
      { tahun: 2026, triwulan: 3, aksi: 'buka', alasan: 'koreksi dari Dinas' },
    ]);
    s.close();
  });
});

describe('kas daftar', () => {
  it('shows the quarter with the previous balance carried in, as table, JSON and CSV', async () => {
    const db = await unitBaru();
    await ok(db, ['kas', 'masuk', '--jumlah', '100000', '--sumber', 'iuran', '--tanggal', '2026-06-30']);
    await ok(db, [
      'kas',
      'masuk',
      '--jumlah',
      '250000',
      '--sumber',
      'jimpitan',
      '--tanggal',
      '2026-07-01',
      '--uraian',
      'Jimpitan; minggu "1"',
    ]);
    await ok(db, ['kas', 'keluar', '--jumlah', '45000', '--jenis', 'operasional', '--tanggal', '2026-07-02']);
    await ok(db, ['kas', 'masuk', '--jumlah', '5000', '--sumber', 'iuran', '--tanggal', '2026-10-01']);
    const j = await ok(db, ['kas', 'daftar', '--triwulan', '2026-3']);
    expect(j.map((b: { nomor: string; saldo: number }) => [b.nomor, b.saldo])).toEqual([
      ['002/BKM/VII/2026', 350_000],
      ['001/BKK/VII/2026', 305_000],
    ]);
    const t = await wksbm(db, ['kas', 'daftar', '--triwulan', '2026-3']);
    expect(t.stdout).toContain('Saldo awal: Rp 100.000');
    expect(t.stdout).toContain('1 Jul 2026');
    expect(t.stdout).toContain('Saldo akhir Rp 305.000');
    const csv = (
      await wksbm(db, ['kas', 'daftar', '--dari', '01/07/2026', '--sampai', '31/07/2026', '--csv', '--pemisah', ','])
    ).stdout.split('\r\n');
    expect(csv[0]).toBe(
      '\ufeffno,tanggal,nomor,uraian,sumber,jenis,layanan,dana,akun,akun_tujuan,penerimaan,pengeluaran,' +
        'saldo,batal_dari,dibatalkan_oleh',
    );
    expect(csv[1]).toBe(
      '1,2026-07-01,002/BKM/VII/2026,"Jimpitan; minggu ""1""",jimpitan,,,umum,tunai,,250000,0,350000,,',
    );
    expect(await ok(db, ['kas', 'daftar', '--dana', 'umum', '--dari', '2026-10-01'])).toEqual([
      expect.objectContaining({ saldo: 310_000 }),
    ]);
    await refused(db, ['kas', 'daftar', '--triwulan', '2026-7'], /triwulan "2026-7" tidak sah/);
  });
});

describe('kode', () => {
  it('lists the official codes', async () => {
    const db = await unitBaru();
    const ppks = await ok(db, ['kode', 'ppks']);
    expect(ppks).toHaveLength(26);
    expect(ppks[7]).toEqual({ nomor: 8, kode: 'LUT', nama: 'Lanjut Usia Terlantar' });
    expect((await ok(db, ['kode', 'asnaf'])).map((a: { kode: string }) => a.kode)).toEqual([
      'fakir',
      'miskin',
      'amil',
      'mualaf',
      'riqab',
      'gharimin',
      'fisabilillah',
      'ibnu_sabil',
    ]);
    expect((await wksbm(db, ['kode', 'jenis'])).stdout).toContain('santunan_kematian');
    await refused(db, ['kode', 'warna'], /daftar "warna" tidak dikenal/);
  });
});

describe('two commands at once on one file', () => {
  it('both succeed with distinct vouchers (WAL and busy timeout)', async () => {
    const db = await unitBaru();
    const run = (n: number) =>
      new Promise<number>((resolve) => {
        const p = spawn(
          process.execPath,
          [
            BIN,
            '--db',
            db,
            'kas',
            'masuk',
            '--jumlah',
            String(1000 * (n + 1)),
            '--sumber',
            'iuran',
            '--tanggal',
            '2026-07-01',
          ],
          { stdio: 'ignore', env: { ...process.env, WKSBM_HARI_INI: '2026-11-22' } },
        );
        p.on('exit', (code) => resolve(code ?? -1));
      });
    const codes = await Promise.all([0, 1, 2, 3, 4, 5].map(run));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    const nomor = (await ok(db, ['kas', 'daftar'])).map((b: { nomor: string }) => b.nomor).sort();
    expect(nomor).toEqual(['001', '002', '003', '004', '005', '006'].map((n) => `${n}/BKM/VII/2026`));
    expect((await wksbm(db, ['periksa'])).code).toBe(0);
  });
});
