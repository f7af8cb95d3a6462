// The treasurer at a real terminal: Indonesian throughout, choices that break a rule never offered,
// amounts checked against what the fund or account holds as they are typed.
import { describe, expect, it } from 'vitest';
import { INGGRIS, unitBaru, wksbm, wksbmPty } from '../helpers.js';

const down = '\u001b[B';

async function unitBerisi(): Promise<string> {
  const db = await unitBaru();
  await wksbm(db, [
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
  await wksbm(db, ['kas', 'masuk', '--jumlah', '500000', '--sumber', 'zakat', '--tanggal', '2026-10-01']);
  await wksbm(db, ['kas', 'masuk', '--jumlah', '300000', '--sumber', 'jimpitan', '--tanggal', '2026-10-01']);
  return db;
}

/** The screen from the first match of `dari` up to the next match of `sampai`. */
function layar(output: string, dari: string, sampai: string): string {
  const a = output.indexOf(dari);
  const b = output.indexOf(sampai, a + dari.length);
  return output.slice(a, b);
}

describe('kas keluar at a terminal', () => {
  it('never offers a fund that may not pay the chosen kind; shows the balance the amount may not pass', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(
      db,
      ['kas', 'keluar'],
      [
        ['Jenis pengeluaran', `${down.repeat(3)}\r`], // operasional
        ['Dana', '\r'],
        ['Akun', '\r'],
        ['Tanggal \\(22/11/2026\\)', '\r'],
        ['Jumlah \\(Rp\\) — saldo akun tunai per 22/11/2026: Rp 800.000', '45000\r'],
        ['Uraian', 'Map\r'],
        ['Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(layar(hasil.output, 'Dana', 'Akun')).not.toMatch(/zakat/);
    expect(hasil.output).not.toMatch(INGGRIS);
    const [, , e] = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(e).toMatchObject({ jenis: 'operasional', dana: 'umum', pengeluaran: 45_000 });
  });
});

describe('kas pindah at a terminal', () => {
  it('leaves the source out of the destinations and refuses more than the source account holds', async () => {
    const db = await unitBerisi();
    expect((await wksbm(db, ['akun', 'tambah', 'bri', '--nama', 'BRI Unit Srandakan'])).code).toBe(0);
    const hasil = wksbmPty(
      db,
      ['kas', 'pindah'],
      [
        ['Akun asal', '\r'], // tunai
        ['Akun tujuan', '\r'],
        ['Tanggal', '\r'],
        ['Jumlah \\(Rp\\) — saldo akun tunai per 22/11/2026: Rp 800.000', '900000\r'],
        ['tidak boleh di bawah nol', '\u0015800000\r'],
        ['Uraian', 'Setor ke bank\r'],
        ['Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(layar(hasil.output, 'Akun tujuan', 'Tanggal')).not.toMatch(/tunai/);
    expect(hasil.output).not.toMatch(INGGRIS);
    expect((await wksbm(db, ['kas', 'saldo', '--per', 'akun', '--json'])).json().per).toMatchObject({
      tunai: 0,
      bri: 800_000,
    });
  });
});

describe('salur at a terminal', () => {
  it('refuses an amount above the zakat fund at its prompt, then takes the corrected one', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(
      db,
      ['salur'],
      [
        ['Penerima', '\r'],
        ['Layanan', '\r'],
        ['Bentuk bantuan', '\r'], // uang
        ['Dana', `${down}\r`],
        ['Asnaf', '\r'],
        ['Akun', '\r'],
        ['Tanggal', '\r'],
        ['Jumlah \\(Rp\\) — saldo dana zakat per 22/11/2026: Rp 500.000', '600000\r'],
        ['Dana terikat "zakat" tidak boleh di bawah nol', '\u0015250000\r'],
        ['Uraian', '\r'],
        ['Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).toContain('Rp 250.000');
    expect(hasil.output).not.toMatch(INGGRIS);
    expect((await wksbm(db, ['kas', 'saldo', '--json'])).json().per.zakat).toBe(250_000);
  });
});

describe('the summary at a terminal', () => {
  it('Ubah isian asks one field again and keeps the rest', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(
      db,
      ['kas', 'masuk'],
      [
        ['Jumlah \\(Rp\\)', '125000\r'],
        ['Sumber', `${down.repeat(5)}\r`], // jimpitan
        ['Dana', '\r'],
        ['Akun', '\r'],
        ['Tanggal', '03/11/2026\r'],
        ['Uraian', 'Jimpitan Oktober\r'],
        ['Simpan\\?', `${down}\r`], // Ubah isian
        ['Isian mana yang diubah\\?', '\r'], // Jumlah (Rp): Rp 125.000
        ['Jumlah \\(Rp\\)', '150000\r'],
        ['Rp 150.000[\\s\\S]*Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).toMatch(/dana\s+umum — Dana umum/);
    expect(hasil.output).toMatch(/akun\s+tunai — Kas tunai/);
    expect(hasil.output).not.toMatch(INGGRIS);
    const entri = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(entri).toHaveLength(3);
    expect(entri[2]).toMatchObject({
      tanggal: '2026-11-03',
      sumber: 'jimpitan',
      penerimaan: 150_000,
      uraian: 'Jimpitan Oktober',
    });
  });

  it('Batal writes nothing and says so in Indonesian', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(
      db,
      ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'iuran'],
      [
        ['Dana', '\r'],
        ['Akun', '\r'],
        ['Tanggal', '\r'],
        ['Uraian', '\r'],
        ['Simpan\\?', `${down}${down}\r`],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code).toBe(1);
    expect(hasil.output).toContain('Dibatalkan; tidak ada yang dicatat.');
    expect((await wksbm(db, ['kas', 'daftar', '--json'])).json()).toHaveLength(2);
  });

  it('Ctrl-C writes nothing and says so in Indonesian', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(db, ['kas', 'masuk'], [['Jumlah \\(Rp\\)', '\u0003']]);
    expect(hasil.output).toContain('Dibatalkan; tidak ada yang dicatat.');
    expect(hasil.output).not.toMatch(/Error|at .*\.js/);
    expect((await wksbm(db, ['kas', 'daftar', '--json'])).json()).toHaveLength(2);
  });
});

describe('kas batal at a terminal', () => {
  it('picks the voucher from a searchable list of vouchers not voided, shows the original in the summary', async () => {
    const db = await unitBerisi();
    await wksbm(db, [
      'kas',
      'keluar',
      '--jumlah',
      '45000',
      '--jenis',
      'operasional',
      '--tanggal',
      '2026-10-05',
      '--uraian',
      'Map snelhecter',
    ]);
    await wksbm(db, [
      'kas',
      'keluar',
      '--jumlah',
      '20000',
      '--jenis',
      'operasional',
      '--tanggal',
      '2026-10-06',
      '--uraian',
      'Materai',
    ]);
    await wksbm(db, ['kas', 'batal', '002/BKK/X/2026', '--alasan', 'dobel']);
    const hasil = wksbmPty(
      db,
      ['kas', 'batal'],
      [
        ['Nomor bukti yang dibatalkan[\\s\\S]*001/BKM/X/2026', 'snel'],
        ['001/BKK/X/2026 · 5 Okt 2026 · Rp 45.000 · Map snelhecter', '\r'],
        ['Alasan pembatalan', 'salah catat\r'],
        ['Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).toContain('001/BKM/X/2026 · 1 Okt 2026 · Rp 500.000');
    expect(hasil.output).not.toMatch(/00[23]\/BKK\/XI?\/2026 ·/); // voided, and the void itself
    expect(hasil.output).toMatch(/tanggal\s+5 Oktober 2026/);
    expect(hasil.output).toMatch(/uraian\s+Map snelhecter/);
    expect(hasil.output).not.toMatch(INGGRIS);
    const buku = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(buku.find((b: { nomor: string }) => b.nomor === '001/BKK/X/2026')).toMatchObject({
      dibatalkan_oleh: '004/BKK/XI/2026',
    });
  });

  it('refuses a voucher that does not exist before asking anything', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(db, ['kas', 'batal', '009/BKK/X/2026'], []);
    expect(hasil.code).toBe(2);
    expect(hasil.output).not.toMatch(/Alasan/);
  });
});

describe('missing arguments', () => {
  it('in a script: exit 2 with an Indonesian sentence naming the argument', async () => {
    const db = await unitBerisi();
    const batal = await wksbm(db, ['kas', 'batal']);
    expect(batal.code).toBe(2);
    expect(batal.stderr).toContain('nomor bukti yang dibatalkan wajib diisi');
    const akun = await wksbm(db, ['akun', 'tambah', '--nama', 'BRI']);
    expect(akun.code).toBe(2);
    expect(akun.stderr).toContain('kode akun wajib diisi');
  });

  it('at a terminal: akun tambah asks the code, checking it as typed', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(
      db,
      ['akun', 'tambah'],
      [
        ['Kode akun', 'tunai\r'],
        ['sudah ada', '\u0015bri\r'],
        ['Nama akun', 'BRI Unit Srandakan\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect((await wksbm(db, ['akun', 'daftar', '--json'])).json().map((a: { kode: string }) => a.kode)).toContain(
      'bri',
    );
  });
});

describe('dates at a terminal', () => {
  it('refuses a day after today and a day that does not exist; confirms a day before the newest voucher', async () => {
    const db = await unitBerisi();
    const hasil = wksbmPty(
      db,
      ['kas', 'masuk', '--jumlah', '1000', '--sumber', 'iuran'],
      [
        ['Dana', '\r'],
        ['Akun', '\r'],
        ['Tanggal \\(22/11/2026\\)', '29/11/2026\r'],
        ['lewat dari hari ini', '\u001531/02/2026\r'],
        ['31 Februari 2026 tidak ada', '\u001512 Mei 2026\r'],
        ['Bukti terakhir 002/BKM/X/2026 bertanggal 1 Oktober 2026', ''],
        ['Lanjutkan\\? \\(Y/t\\)', 'tidak\r'],
        ['Tanggal \\(22/11/2026\\)', '12 Mei 2026\r'],
        ['Lanjutkan\\?', 'ya\r'],
        ['Uraian', '\r'],
        ['Simpan\\?', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).toMatch(/Lanjutkan\? Tidak/);
    expect(hasil.output).toMatch(/Lanjutkan\? Ya/);
    expect(hasil.output).not.toMatch(INGGRIS);
    const entri = (await wksbm(db, ['kas', 'daftar', '--json'])).json();
    expect(entri[0]).toMatchObject({ tanggal: '2026-05-12', nomor: '003/BKM/V/2026', penerimaan: 1000 });
  });
});

describe('a record by search', () => {
  it('ppks tampil with no ID: a list to search at a terminal, an error naming it in a script', async () => {
    const db = await unitBerisi();
    await wksbm(db, [
      'ppks',
      'tambah',
      '--nik',
      '3402084107650011',
      '--nama',
      'Sarjiyo',
      '--jk',
      'L',
      '--kategori',
      'LUT',
      '--dasar',
      'tugas_publik',
    ]);
    const skrip = await wksbm(db, ['ppks', 'tampil']);
    expect(skrip.code).toBe(2);
    expect(skrip.stderr).toMatch(/^ID .* wajib diisi: berikan, misalnya wksbm ppks tampil 1/);
    const hasil = wksbmPty(
      db,
      ['ppks', 'tampil'],
      [
        ['ID [\\s\\S]*Sarjiyo', 'sarj'],
        ['2 · Sarjiyo', '\r'],
      ],
    );
    expect(hasil.waiting_for, hasil.output).toBeUndefined();
    expect(hasil.code, hasil.output).toBe(0);
    expect(hasil.output).toMatch(/Sarjiyo/);
    expect(hasil.output).not.toMatch(INGGRIS);
  });
});
