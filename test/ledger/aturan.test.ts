// The cash rules one by one, on a real unit file: each answer a prompt could give, and what checkRules makes of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ledger, openLedger } from '../../src/db/connection.js';
import { loadReferensi, type Referensi } from '../../src/db/referensi-repo.js';
import { RuleError, UserError } from '../../src/domain/errors.js';
import { type Rupiah, rupiah } from '../../src/domain/money.js';
import { enforce, type RuleResult } from '../../src/domain/rule.js';
import {
  akunAda,
  akunBerbeda,
  asnafAda,
  buktiBolehDibatalkan,
  danaAda,
  danaBawaanKeluar,
  danaBawaanMasuk,
  danaBolehMembayar,
  danaBolehMenerima,
  danaPerluAsnaf,
  jenisAda,
  jenisPerluLayanan,
  layananAda,
  peringatanMeterai,
  saldoCukup,
  saldoTersedia,
  sumberAda,
} from '../../src/ledger/aturan.js';
import { batalkanBukti, catatKeluar, catatMasuk } from '../../src/ledger/kas.js';
import { checkRules } from '../../src/ledger/posting.js';
import { unitBaru } from '../helpers.js';

const WAKTU = '2026-11-22T03:00:00.000Z';

/** The refusal's error class and message, or 'ok'. */
function putusan(r: RuleResult<unknown>): string {
  return r.ok ? 'ok' : `${r.error.constructor.name}: ${r.pesan}`;
}

let ledger: Ledger;
let ref: Referensi;

beforeAll(async () => {
  ledger = await openLedger(await unitBaru());
  ref = await loadReferensi(ledger.db);
  const masuk = (jumlah: number, sumber: string, dana: string, tanggal: string) =>
    catatMasuk(ledger.db, { jumlah: rupiah(jumlah), sumber, dana, akun: 'tunai', tanggal }, WAKTU);
  await masuk(1_000_000, 'iuran', 'umum', '2026-07-01');
  await masuk(500_000, 'zakat', 'zakat', '2026-07-02');
  await catatKeluar(
    ledger.db,
    {
      jumlah: 200_000 as Rupiah,
      jenis: 'penyaluran',
      dana: 'zakat',
      layanan: 'jaminan',
      asnaf: 'fakir',
      akun: 'tunai',
      tanggal: '2026-07-10',
    },
    WAKTU,
  );
  await catatKeluar(
    ledger.db,
    { jumlah: 45_000 as Rupiah, jenis: 'operasional', dana: 'umum', akun: 'tunai', tanggal: '2026-07-11' },
    WAKTU,
  );
  await batalkanBukti(ledger.db, { nomor: '002/BKK/VII/2026', alasan: 'salah catat', tanggal: '2026-07-12' }, WAKTU);
});

afterAll(async () => {
  await ledger.close();
});

describe('codes from the unit lists', () => {
  it('accepts the seeded codes and names the choices when refusing', () => {
    expect(
      [danaAda(ref, 'zakat'), akunAda(ref, 'tunai'), sumberAda(ref, 'jimpitan'), jenisAda(ref, 'kegiatan')].map(
        putusan,
      ),
    ).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(putusan(danaAda(ref, 'rahasia'))).toBe(
      'UserError: dana "rahasia" tidak dikenal. Pilihan: kematian, umum, zakat.',
    );
    expect(putusan(akunAda(ref, 'bca'))).toBe('UserError: akun "bca" tidak dikenal. Pilihan: tunai.');
    expect(putusan(sumberAda(ref, 'judi'))).toMatch(/^UserError: sumber "judi" tidak dikenal. Pilihan: usaha, donatur/);
    expect(putusan(jenisAda(ref, 'foya'))).toMatch(/^UserError: jenis "foya" tidak dikenal/);
  });

  it('layanan and asnaf are checked only when named', () => {
    expect(
      [layananAda(ref, null), asnafAda(ref, undefined), layananAda(ref, 'rujukan'), asnafAda(ref, 'ibnu_sabil')].map(
        putusan,
      ),
    ).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(putusan(layananAda(ref, 'sembako'))).toMatch(/^UserError: layanan "sembako" tidak dikenal/);
    expect(putusan(asnafAda(ref, 'kaya'))).toMatch(/^UserError: asnaf "kaya" tidak dikenal/);
  });
});

describe('danaBolehMenerima', () => {
  it('sends zakat and death-fund dues to their own fund only; a restricted fund takes only its listed sources', () => {
    expect(putusan(danaBolehMenerima(ref, 'zakat', 'zakat'))).toBe('ok');
    expect(putusan(danaBolehMenerima(ref, 'umum', 'zakat'))).toBe(
      'RuleError: Pemasukan dari sumber "zakat" harus masuk ke dana "zakat", bukan "umum".',
    );
    expect(putusan(danaBolehMenerima(ref, 'zakat', 'iuran_kematian'))).toMatch(/harus masuk ke dana "kematian"/);
    expect(putusan(danaBolehMenerima(ref, 'kematian', 'jimpitan'))).toBe(
      'RuleError: Dana "kematian" hanya menerima pemasukan dari sumber "donatur", "iuran_kematian", bukan "jimpitan".',
    );
    expect(putusan(danaBolehMenerima(ref, 'kematian', 'donatur'))).toBe('ok');
    expect(putusan(danaBolehMenerima(ref, 'umum', 'jimpitan'))).toBe('ok');
  });

  it('defaults the fund from the source and from the kind of payment', () => {
    expect([
      danaBawaanMasuk(ref, 'zakat'),
      danaBawaanMasuk(ref, 'iuran_kematian'),
      danaBawaanMasuk(ref, 'iuran'),
      danaBawaanMasuk(ref, null),
    ]).toEqual(['zakat', 'kematian', 'umum', 'umum']);
    expect([
      danaBawaanKeluar(ref, 'santunan_kematian'),
      danaBawaanKeluar(ref, 'penyaluran'),
      danaBawaanKeluar(ref, 'operasional'),
    ]).toEqual(['kematian', 'zakat', 'umum']);
  });
});

describe('danaBolehMembayar', () => {
  it('keeps a restricted fund for its one kind of payment', () => {
    expect(putusan(danaBolehMembayar(ref, { dana: 'zakat', jenis: 'operasional' }))).toBe(
      'RuleError: Dana "zakat" hanya boleh dipakai untuk penyaluran, bukan "operasional".',
    );
    expect(putusan(danaBolehMembayar(ref, { dana: 'kematian', jenis: 'penyaluran' }))).toMatch(
      /hanya boleh dipakai untuk santunan_kematian/,
    );
    expect(putusan(danaBolehMembayar(ref, { dana: 'umum', jenis: 'operasional' }))).toBe('ok');
  });

  it('asks aid for its layanan and zakat for its asnaf, once they are known', () => {
    // at the fund's prompt neither is known yet: not refused
    expect(putusan(danaBolehMembayar(ref, { dana: 'zakat', jenis: 'penyaluran' }))).toBe('ok');
    expect(putusan(danaBolehMembayar(ref, { dana: 'umum', jenis: 'penyaluran', layanan: null }))).toBe(
      'UserError: Pengeluaran jenis "penyaluran" wajib menyebut layanan (--layanan).',
    );
    expect(
      putusan(danaBolehMembayar(ref, { dana: 'zakat', jenis: 'penyaluran', layanan: 'jaminan', asnaf: null })),
    ).toMatch(/^RuleError: Penyaluran dari dana "zakat" wajib menyebut asnaf/);
    expect(
      putusan(danaBolehMembayar(ref, { dana: 'zakat', jenis: 'penyaluran', layanan: 'jaminan', asnaf: 'miskin' })),
    ).toBe('ok');
    expect([
      jenisPerluLayanan(ref, 'penyaluran'),
      jenisPerluLayanan(ref, 'kegiatan'),
      danaPerluAsnaf(ref, 'zakat'),
      danaPerluAsnaf(ref, 'umum'),
    ]).toEqual([true, false, true, false]);
  });
});

describe('akunBerbeda', () => {
  it('refuses a transfer to the account it leaves', () => {
    expect(putusan(akunBerbeda('tunai', 'tunai'))).toBe(
      'UserError: Akun asal dan tujuan sama ("tunai"); pemindahan tidak dicatat.',
    );
    expect(putusan(akunBerbeda('tunai', 'bri'))).toBe('ok');
    expect(putusan(akunBerbeda(null, null))).toBe('ok');
  });
});

describe('checkRules is the rules composed', () => {
  const masuk = { arah: 'masuk' as const, tanggal: '2026-07-01', jumlah: rupiah(1000), akun: 'tunai' };
  it('throws the refusal of the first rule broken, with its class', () => {
    expect(() => checkRules({ ...masuk, sumber: 'zakat', dana: 'umum' }, ref)).toThrow(RuleError);
    expect(() => checkRules({ ...masuk, sumber: 'zakat', dana: 'umum' }, ref)).toThrow('harus masuk ke dana "zakat"');
    expect(() => checkRules({ ...masuk, sumber: 'zakat', dana: 'rahasia' }, ref)).toThrow(UserError);
    const keluar = { ...masuk, arah: 'keluar' as const, jenis: 'penyaluran', dana: 'zakat' };
    expect(() => checkRules(keluar, ref)).toThrow('wajib menyebut layanan');
    expect(() => checkRules({ ...keluar, layanan: 'jaminan' }, ref)).toThrow('wajib menyebut asnaf');
    expect(() => checkRules({ ...keluar, layanan: 'jaminan', asnaf: 'fakir' }, ref)).not.toThrow();
    expect(() => checkRules({ ...masuk, arah: 'pindah', akun_tujuan: 'tunai' }, ref)).toThrow(
      'Akun asal dan tujuan sama',
    );
  });
});

describe('buktiBolehDibatalkan', () => {
  it('finds a voucher that stands, and refuses a missing one, a void, and one already voided', async () => {
    const r = await buktiBolehDibatalkan(ledger.db, '001/BKM/VII/2026');
    expect(r.ok && r.value).toMatchObject({ id: 1, jumlah: 1_000_000, sumber: 'iuran' });
    expect(putusan(await buktiBolehDibatalkan(ledger.db, '009/BKK/VII/2026'))).toBe(
      'UserError: Bukti "009/BKK/VII/2026" tidak ada di buku kas.',
    );
    expect(putusan(await buktiBolehDibatalkan(ledger.db, '002/BKK/VII/2026'))).toBe(
      'RuleError: Bukti "002/BKK/VII/2026" sudah dibatalkan oleh 003/BKK/VII/2026.',
    );
    expect(putusan(await buktiBolehDibatalkan(ledger.db, '003/BKK/VII/2026'))).toMatch(
      /^RuleError: Bukti "003\/BKK\/VII\/2026" adalah pembatalan/,
    );
  });
});

describe('saldoTersedia and saldoCukup', () => {
  it('gives the balance of a fund or an account at the end of a day', async () => {
    expect(await saldoTersedia(ledger.db, { dana: 'zakat' }, '2026-07-01')).toBe(0);
    expect(await saldoTersedia(ledger.db, { dana: 'zakat' }, '2026-07-10')).toBe(300_000);
    // the void on 12 Jul gives the 45.000 back
    expect(await saldoTersedia(ledger.db, { akun: 'tunai' }, '2026-07-11')).toBe(1_255_000);
    expect(await saldoTersedia(ledger.db, { akun: 'tunai' }, '2026-07-12')).toBe(1_300_000);
  });

  it('floors restricted funds and accounts at zero, as the posting would say', async () => {
    expect(putusan(await saldoCukup(ledger.db, ref, { dana: 'zakat' }, '2026-07-10', rupiah(300_000)))).toBe('ok');
    expect(putusan(await saldoCukup(ledger.db, ref, { dana: 'zakat' }, '2026-07-10', rupiah(300_001)))).toBe(
      'RuleError: Dana terikat "zakat" tidak boleh di bawah nol: ' +
        'saldonya akan menjadi -Rp 1 pada 10 Jul 2026. Tidak ada yang dicatat.',
    );
    expect(putusan(await saldoCukup(ledger.db, ref, { dana: 'umum' }, '2026-07-01', rupiah(5_000_000)))).toBe('ok');
    expect(putusan(await saldoCukup(ledger.db, ref, { akun: 'tunai' }, '2026-06-30', rupiah(1)))).toMatch(
      /^RuleError: Saldo akun "tunai" tidak boleh di bawah nol: saldonya akan menjadi -Rp 1 pada 30 Jun 2026/,
    );
  });

  it('says when a stamp duty is due, never for a transfer', () => {
    expect(peringatanMeterai({ arah: 'masuk', jumlah: rupiah(5_000_001) })).toEqual([
      'Perhatian: Rp 5.000.001 lebih dari Rp 5.000.000, bukti perlu bermeterai Rp10.000.',
    ]);
    expect(peringatanMeterai({ arah: 'keluar', jumlah: rupiah(5_000_000) })).toEqual([]);
    expect(peringatanMeterai({ arah: 'pindah', jumlah: rupiah(9_000_000) })).toEqual([]);
  });

  it('enforce hands back the value of a rule that held', async () => {
    expect(enforce(await buktiBolehDibatalkan(ledger.db, '001/BKM/VII/2026')).nomor).toBe('001/BKM/VII/2026');
    expect(() => enforce(akunBerbeda('a', 'a'))).toThrow(UserError);
  });
});
