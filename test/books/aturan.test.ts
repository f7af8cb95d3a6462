// The books' own rules on a real unit file: which donor a receipt names, which PPKS aid goes to,
// a NIK once in the book, an activity that exists, the stock of rice on a day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cariDonatur } from '../../src/books/donatur.js';
import { kegiatanAda } from '../../src/books/kegiatan.js';
import { cariPpks, nikUnik } from '../../src/books/ppks.js';
import { type Ledger, openLedger } from '../../src/db/connection.js';
import type { RuleResult } from '../../src/domain/rule.js';
import { bentukLengkap, wafatSebelumBayar } from '../../src/ledger/salur.js';
import { stokCukup, stokPada } from '../../src/ledger/stok.js';
import { ok, unitBaru } from '../helpers.js';

const putusan = (r: RuleResult<unknown>) => (r.ok ? 'ok' : `${r.error.constructor.name}: ${r.pesan}`);
const nilai = <T>(r: RuleResult<T>) => (r.ok ? r.value : `ditolak: ${r.pesan}`);

let ledger: Ledger;

beforeAll(async () => {
  const db = await unitBaru();
  await ok(db, ['donatur', 'tambah', '--nama', 'Sukardi', '--hp', '0812-1000-2000']); // 1
  await ok(db, ['donatur', 'tambah', '--nama', 'Toko Makmur', '--jenis', 'lembaga']); // 2
  await ok(db, ['donatur', 'tambah', '--nama', 'Hj. Siti Aminah', '--alamat', 'Jetis']); // 3
  await ok(db, ['donatur', 'tambah', '--nama', 'Ibu Siti Aminah', '--alamat', 'Gadingan']); // 4
  await ok(db, ['donatur', 'tambah', '--nama', 'Lestari Déwi']); // 5
  await ok(db, ['donatur', 'tambah', '--nama', 'JOKO.WIDODO, S.E.']); // 6
  await ok(db, ['ppks', 'tambah', '--nik', '3402084107650003', '--nama', 'Tukiyem', '--jk', 'P', '--kategori', 'LUT']);
  await ok(db, ['ppks', 'tambah', '--nama', 'Mbah Sastrô', '--jk', 'L', '--kategori', 'LUT']);
  await ok(db, ['kegiatan', 'catat', '--tanggal', '2026-08-10', '--nama', 'Penyuluhan', '--jenis', 'pencegahan']);
  await ok(db, ['natura', 'masuk', '--barang', 'beras', '--kuantitas', '12,5', '--tanggal', '2026-10-01']);
  await ok(db, ['natura', 'keluar', '--barang', 'Beras', '--kuantitas', '2', '--tanggal', '2026-10-05']);
  ledger = await openLedger(db);
});

afterAll(async () => {
  await ledger.close();
});

describe('cariDonatur', () => {
  it('finds a donor by ID, by phone however it is written, or by name in any case', async () => {
    expect(nilai(await cariDonatur(ledger.db, '2'))).toBe(2);
    expect(nilai(await cariDonatur(ledger.db, '+62 812 1000 2000'))).toBe(1);
    expect(nilai(await cariDonatur(ledger.db, '081210002000'))).toBe(1);
    expect(nilai(await cariDonatur(ledger.db, 'toko makmur'))).toBe(2);
  });

  it('ignores titles as imports do, and refuses a name that fits two donors', async () => {
    expect(nilai(await cariDonatur(ledger.db, 'Bpk. Sukardi, S.Pd.'))).toBe(1);
    expect(nilai(await cariDonatur(ledger.db, 'Hj. Siti Aminah'))).toBe(3); // written exactly: that one
    expect(putusan(await cariDonatur(ledger.db, 'Siti Aminah'))).toBe(
      'UserError: donatur "Siti Aminah" cocok dengan 2 orang; pakai ID atau nomor HP.',
    );
  });

  it('finds a name written with accents, dots or capitals either way (only likely names are read)', async () => {
    expect(nilai(await cariDonatur(ledger.db, 'Lestari Dewi'))).toBe(5);
    expect(nilai(await cariDonatur(ledger.db, 'Bu LESTARI déwi'))).toBe(5);
    expect(nilai(await cariDonatur(ledger.db, 'Pak Joko Widodo'))).toBe(6);
    expect(nilai(await cariDonatur(ledger.db, 'joko   widodo'))).toBe(6);
    expect(putusan(await cariDonatur(ledger.db, 'Joko'))).toMatch(/donatur "Joko" tidak ditemukan/);
  });

  it('refuses a donor who is not in the book; no donor named is no donor', async () => {
    expect(putusan(await cariDonatur(ledger.db, 'Pak Entah'))).toBe(
      'UserError: donatur "Pak Entah" tidak ditemukan (cari dengan ID, nomor HP atau nama).',
    );
    expect(putusan(await cariDonatur(ledger.db, '99'))).toMatch(/donatur "99" tidak ditemukan/);
    expect(nilai(await cariDonatur(ledger.db, null))).toBeNull();
    expect(nilai(await cariDonatur(ledger.db, '  '))).toBeNull();
  });
});

describe('PPKS', () => {
  it('cariPpks finds by ID or NIK (dots allowed) and masks the NIK it could not find', async () => {
    expect((await cariPpks(ledger.db, '1')).ok && (await cariPpks(ledger.db, '3402.0841.0765.0003')).ok).toBe(true);
    const r = await cariPpks(ledger.db, '3402.0841.0765.0003');
    expect(r.ok && r.value.nama).toBe('Tukiyem');
    expect(putusan(await cariPpks(ledger.db, '3402084107650099'))).toBe(
      'UserError: PPKS "3402••••••••0099" tidak ditemukan ' + '(pakai ID, NIK atau nama; lihat wksbm ppks daftar).',
    );
    expect(putusan(await cariPpks(ledger.db, '7'))).toMatch(/PPKS "7" tidak ditemukan/);
    const bertitik = await cariPpks(ledger.db, '3402.0841.0765.0099');
    expect(putusan(bertitik)).toMatch(/PPKS "3402••••••••0099" tidak ditemukan/);
  });

  it('cariPpks finds by name with titles ignored', async () => {
    const r = await cariPpks(ledger.db, 'Mbah Tukiyem');
    expect(r.ok && r.value.id).toBe(1);
    expect(putusan(await cariPpks(ledger.db, 'Bu Tukinah'))).toMatch(/PPKS "Bu Tukinah" tidak ditemukan/);
    const aksen = await cariPpks(ledger.db, 'sastro');
    expect(aksen.ok && aksen.value.nama).toBe('Mbah Sastrô');
  });

  it('nikUnik refuses a NIK already in the book, except on the record that holds it', async () => {
    expect(putusan(await nikUnik(ledger.db, '3402084107650003'))).toBe(
      'UserError: NIK itu sudah terdaftar sebagai PPKS ID 1; ubah data yang ada dengan wksbm ppks ubah 1.',
    );
    expect(putusan(await nikUnik(ledger.db, '3402084107650003', 1))).toBe('ok');
    expect(putusan(await nikUnik(ledger.db, '3402084107650004'))).toBe('ok');
    expect(putusan(await nikUnik(ledger.db, null))).toBe('ok');
  });
});

describe('kegiatanAda', () => {
  it('accepts no activity or a recorded one, refuses one not in book 8', async () => {
    expect([await kegiatanAda(ledger.db, null), await kegiatanAda(ledger.db, 1)].map(putusan)).toEqual(['ok', 'ok']);
    expect(putusan(await kegiatanAda(ledger.db, 9))).toBe(
      'UserError: kegiatan "9" tidak ada (lihat wksbm kegiatan daftar).',
    );
  });
});

describe('stock on a date', () => {
  it('stokPada counts an item in its unit at the end of each day; an item never counted is 0 kg', async () => {
    expect(await stokPada(ledger.db, 'beras', '2026-09-30')).toEqual({ kuantitas_mili: 0, satuan: 'kg' });
    expect(await stokPada(ledger.db, ' Beras ', '2026-10-01')).toEqual({ kuantitas_mili: 12_500, satuan: 'kg' });
    expect(await stokPada(ledger.db, 'beras', '2026-10-05')).toEqual({ kuantitas_mili: 10_500, satuan: 'kg' });
    expect(await stokPada(ledger.db, 'jagung', '2026-10-05')).toEqual({ kuantitas_mili: 0, satuan: 'kg' });
  });

  it('stokCukup refuses a quantity the stock does not hold that day, as the posting would say', async () => {
    expect(putusan(await stokCukup(ledger.db, 'beras', '2026-10-05', 10_500))).toBe('ok');
    expect(putusan(await stokCukup(ledger.db, 'beras', '2026-10-05', 10_501))).toBe(
      'RuleError: Stok beras tidak boleh di bawah nol: ' +
        'stoknya akan menjadi -0,001 kg pada 5 Okt 2026. Tidak ada yang dicatat.',
    );
    expect(putusan(await stokCukup(ledger.db, 'beras', '2026-09-30', 1000))).toMatch(
      /stoknya akan menjadi -1 kg pada 30 Sep 2026/,
    );
  });
});

describe('aid and death benefit', () => {
  it('bentukLengkap: money has an amount, goods an item and a quantity', () => {
    const kosong = { bentuk: null, jumlah: null, barang: null, kuantitas: null };
    expect(putusan(bentukLengkap(kosong))).toMatch(/^UserError: Berikan --jumlah/);
    expect(putusan(bentukLengkap({ ...kosong, bentuk: 'uang' }))).toMatch(
      /^UserError: jumlah wajib diisi: berikan --jumlah/,
    );
    expect(putusan(bentukLengkap({ ...kosong, bentuk: 'barang', barang: 'beras' }))).toMatch(/kuantitas wajib diisi/);
    expect(nilai(bentukLengkap({ ...kosong, bentuk: 'barang', barang: 'beras', kuantitas: 1000 }))).toBe('barang');
  });

  it('wafatSebelumBayar: a death is paid for on or after its day', () => {
    expect(putusan(wafatSebelumBayar('2026-10-02', '2026-10-01'))).toBe(
      'UserError: Tanggal wafat 2 Okt 2026 sesudah tanggal pembayaran 1 Okt 2026; periksa kembali tanggalnya.',
    );
    expect([wafatSebelumBayar('2026-10-01', '2026-10-01'), wafatSebelumBayar(null, '2026-10-01')].map(putusan)).toEqual(
      ['ok', 'ok'],
    );
  });
});
