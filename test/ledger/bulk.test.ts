// PostingMassal must decide exactly as postEntry: the same entries accepted, the same messages for
// the refused ones, byte-identical rows (voucher numbers, hash chain) in the book, and the same day
// totals in saldo_harian.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Ledger, openLedger } from '../../src/db/connection.js';
import { lastKas, maxUrut } from '../../src/db/impor-repo.js';
import { kasLangsung } from '../../src/db/kas-bulk.js';
import { closedQuarters } from '../../src/db/periode-repo.js';
import { loadReferensi } from '../../src/db/referensi-repo.js';
import { bacaHarian } from '../../src/db/saldo-repo.js';
import { withTransaction } from '../../src/db/transaction.js';
import { rupiah } from '../../src/domain/money.js';
import { type AwalMassal, PostingMassal } from '../../src/ledger/bulk.js';
import { bacaRentang } from '../../src/ledger/keadaan.js';
import { periksa } from '../../src/ledger/periksa.js';
import { closeQuarter } from '../../src/ledger/period.js';
import { type EntriBaru, postEntry, voidEntry } from '../../src/ledger/posting.js';
import { tmpDir } from '../helpers.js';

const WAKTU = '2026-11-22T03:00:00.000Z';

function acak(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function entri(r: () => number): EntriBaru {
  const bulan = String(1 + Math.floor(r() * 11)).padStart(2, '0');
  const tanggal = `2026-${bulan}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const jumlah = rupiah(1000 * (1 + Math.floor(r() * 300)));
  const pilih = Math.floor(r() * 6);
  const akun = r() < 0.3 ? 'bri' : 'tunai';
  if (pilih === 5) return { arah: 'pindah', tanggal, jumlah, akun, akun_tujuan: akun === 'bri' ? 'tunai' : 'bri' };
  if (pilih === 0) return { arah: 'masuk', tanggal, jumlah, sumber: 'jimpitan', dana: 'umum', akun };
  if (pilih === 1) return { arah: 'masuk', tanggal, jumlah, sumber: 'iuran_kematian', dana: 'kematian', akun };
  if (pilih === 2) return { arah: 'keluar', tanggal, jumlah, jenis: 'operasional', dana: 'umum', akun };
  if (pilih === 3) return { arah: 'keluar', tanggal, jumlah, jenis: 'santunan_kematian', dana: 'kematian', akun };
  return {
    arah: 'keluar',
    tanggal,
    jumlah,
    jenis: 'operasional',
    dana: r() < 0.5 ? 'kematian' : 'umum',
    akun,
    uraian: 'mungkin salah dana',
  };
}

async function awal(l: Ledger): Promise<AwalMassal> {
  return {
    ujung: lastKas(l.sqlite),
    maxUrut: maxUrut(l.sqlite),
    tertutup: await closedQuarters(l.db),
    rentang: await bacaRentang(l.db),
    harian: bacaHarian(l.sqlite),
  };
}

async function unit(): Promise<Ledger> {
  const l = await openLedger(path.join(tmpDir(), 'u.sqlite'), { create: true });
  l.sqlite.prepare("INSERT INTO akun (kode, nama, dibuat) VALUES ('bri', 'BRI', ?)").run(WAKTU);
  return l;
}

/** Posts each entry in its own transaction (postEntry): the voucher number, or the message of a refusal. */
async function satuSatu(l: Ledger, daftar: EntriBaru[]): Promise<string[]> {
  const ref = await loadReferensi(l.db);
  const hasil: string[] = [];
  for (const e of daftar) {
    try {
      hasil.push((await withTransaction(l.db, (tx) => postEntry(tx, e, ref, WAKTU))).nomor);
    } catch (err) {
      hasil.push((err as Error).message);
    }
  }
  return hasil;
}

/**
 * Posts the entries as one bulk run (PostingMassal) in one transaction, reported as satuSatu reports them; `harian`
 * stands in for the run's reader of day totals.
 */
async function massal(l: Ledger, daftar: EntriBaru[], harian?: AwalMassal['harian']): Promise<string[]> {
  const keadaan = await awal(l);
  const poster = new PostingMassal(await loadReferensi(l.db), harian ? { ...keadaan, harian } : keadaan, WAKTU);
  const tujuan = kasLangsung(l.sqlite);
  const hasil: string[] = [];
  l.sqlite.exec('BEGIN');
  for (const e of daftar) {
    try {
      const row = poster.posting(e);
      tujuan.tulis(row);
      hasil.push(row.nomor);
    } catch (err) {
      hasil.push((err as Error).message);
    }
  }
  tujuan.akhiri(poster.hariBerubah());
  l.sqlite.exec('COMMIT');
  return hasil;
}

describe('PostingMassal decides as postEntry', () => {
  for (const seed of [1, 2, 3]) {
    it(`random book ${seed}: same decisions, same messages, same rows`, async () => {
      const [a, b] = [await unit(), await unit()];
      for (const l of [a, b]) {
        const ref = await loadReferensi(l.db);
        await withTransaction(l.db, (tx) =>
          postEntry(
            tx,
            {
              arah: 'masuk',
              tanggal: '2026-01-05',
              jumlah: rupiah(500_000),
              sumber: 'iuran',
              dana: 'umum',
              akun: 'tunai',
            },
            ref,
            WAKTU,
          ),
        );
        await withTransaction(l.db, (tx) => closeQuarter(tx, { tahun: 2026, triwulan: 1 }, '2026-11-22', WAKTU));
      }
      const r = acak(seed);
      const daftar = Array.from({ length: 250 }, () => entri(r));

      const hasilA = await satuSatu(a, daftar);
      const hasilB = await massal(b, daftar);
      expect(hasilB).toEqual(hasilA);
      expect(hasilA.filter((h) => h.includes('/BK')).length).toBeGreaterThan(50);
      expect(hasilA.some((h) => h.includes('tidak boleh di bawah nol'))).toBe(true);
      expect(hasilA.some((h) => h.includes('sudah ditutup'))).toBe(true);
      expect(hasilA.some((h) => h.includes('/PB/'))).toBe(true);
      const semua = (l: Ledger) => l.sqlite.prepare('SELECT * FROM kas ORDER BY id').all();
      const harian = (l: Ledger) => l.sqlite.prepare('SELECT * FROM saldo_harian ORDER BY buku, kode, tanggal').all();
      expect(semua(b)).toEqual(semua(a));
      expect(harian(b)).toEqual(harian(a));
      expect(await periksa(a)).toEqual([]);
      expect(await periksa(b)).toEqual([]);

      // a second run over the book the first left: it reads each balance's stored days only from the earliest date
      // it reaches, its rows going back and forth over the year (floors before that date included)
      const kedua = Array.from({ length: 150 }, () => entri(r));
      const keduaA = await satuSatu(a, kedua);
      expect(await massal(b, kedua)).toEqual(keduaA);
      expect(keduaA.some((h) => h.includes('tidak boleh di bawah nol'))).toBe(true);
      expect(semua(b)).toEqual(semua(a));
      expect(harian(b)).toEqual(harian(a));
      expect(await periksa(b)).toEqual([]);

      const refA = await loadReferensi(a.db);
      const refB = await loadReferensi(b.db);
      // reversals in bulk match voidEntry too
      const asli = ['keluar', 'pindah', 'masuk'].flatMap(
        (arah) =>
          b.sqlite.prepare('SELECT * FROM kas WHERE arah = ? AND id > 1 ORDER BY id DESC LIMIT 3').all(arah) as never[],
      );
      const pembalikA: string[] = [];
      for (const k of asli as { nomor: string }[]) {
        try {
          pembalikA.push(
            (await withTransaction(a.db, (tx) => voidEntry(tx, k.nomor, 'uji', '2026-11-20', refA, WAKTU))).pembatal
              .nomor,
          );
        } catch (err) {
          pembalikA.push((err as Error).message);
        }
      }
      const p2 = new PostingMassal(refB, await awal(b), WAKTU);
      const tujuan2 = kasLangsung(b.sqlite);
      const pembalikB: string[] = [];
      for (const k of asli) {
        try {
          const row = p2.pembalik(k, 'uji', '2026-11-20');
          tujuan2.tulis(row);
          pembalikB.push(row.nomor);
        } catch (err) {
          pembalikB.push((err as Error).message);
        }
      }
      tujuan2.akhiri(p2.hariBerubah());
      expect(pembalikB).toEqual(pembalikA);
      expect(pembalikA.some((h) => h.includes('/PB/'))).toBe(true);
      expect(semua(b)).toEqual(semua(a));
      expect(harian(b)).toEqual(harian(a));
      expect(await periksa(b)).toEqual([]);
      await a.close();
      await b.close();
    });
  }
});

describe('PostingMassal reads what the run reaches', () => {
  it("a balance's stored days from the run's earliest date on, further back only as a row reaches back", async () => {
    const [a, b] = [await unit(), await unit()];
    const sejarah: EntriBaru[] = [
      { arah: 'masuk', tanggal: '2026-04-01', jumlah: rupiah(500_000), sumber: 'iuran', dana: 'umum', akun: 'tunai' },
      {
        arah: 'keluar',
        tanggal: '2026-06-01',
        jumlah: rupiah(200_000),
        jenis: 'operasional',
        dana: 'umum',
        akun: 'tunai',
      },
      { arah: 'masuk', tanggal: '2026-09-01', jumlah: rupiah(100_000), sumber: 'iuran', dana: 'umum', akun: 'tunai' },
    ];
    for (const l of [a, b]) await satuSatu(l, sejarah);
    const keluar = (tanggal: string, jumlah: number): EntriBaru => ({
      arah: 'keluar',
      tanggal,
      jumlah: rupiah(jumlah),
      jenis: 'operasional',
      dana: 'umum',
      akun: 'tunai',
    });
    // 400,000 total: November takes 1,000 of it; May may take 250,000 (the April receipt, read only when reached,
    // less June's payment); then April 2 may not take 100,000 more (June would end below zero)
    const daftar = [keluar('2026-11-20', 1_000), keluar('2026-05-10', 250_000), keluar('2026-04-02', 100_000)];
    const dibaca: string[] = [];
    const baca = bacaHarian(b.sqlite);
    const hasilB = await massal(b, daftar, (buku, kode, dari, sampai) => {
      dibaca.push(`${buku} ${kode} ${dari}…${sampai ?? ''}`);
      return baca(buku, kode, dari, sampai);
    });

    const hasilA = await satuSatu(a, daftar);
    expect(hasilB).toEqual(hasilA);
    expect(hasilA.slice(0, 2).every((h) => h.includes('/BKK/'))).toBe(true);
    expect(hasilA[2]).toContain('tidak boleh di bawah nol');
    // the second read reaches back at least 92 days, the third twice that; the third row is refused on the account,
    // so its fund is not read further back
    expect(dibaca).toEqual([
      'akun tunai 2026-11-20…',
      'dana umum 2026-11-20…',
      'akun tunai 2026-05-10…2026-11-20',
      'dana umum 2026-05-10…2026-11-20',
      'akun tunai 2025-11-07…2026-05-10',
    ]);
    const harian = (l: Ledger) => l.sqlite.prepare('SELECT * FROM saldo_harian ORDER BY buku, kode, tanggal').all();
    expect(harian(b)).toEqual(harian(a));
    expect(await periksa(b)).toEqual([]);
    await a.close();
    await b.close();
  });

  it('a file in reverse date order reads each balance a few times, not once a day', async () => {
    const b = await unit();
    await satuSatu(b, [
      { arah: 'masuk', tanggal: '2020-01-02', jumlah: rupiah(5_000_000), sumber: 'iuran', dana: 'umum', akun: 'tunai' },
    ]);
    const baca = bacaHarian(b.sqlite);
    let kali = 0;
    const poster = new PostingMassal(
      await loadReferensi(b.db),
      {
        ...(await awal(b)),
        harian: (buku, kode, dari, sampai) => {
          kali++;
          return baca(buku, kode, dari, sampai);
        },
      },
      WAKTU,
    );
    const hari0 = Date.UTC(2026, 10, 20);
    for (let i = 0; i < 2000; i++) {
      const tanggal = new Date(hari0 - i * 86_400_000).toISOString().slice(0, 10);
      poster.posting({
        arah: 'keluar',
        tanggal,
        jumlah: rupiah(1_000),
        jenis: 'operasional',
        dana: 'umum',
        akun: 'tunai',
      });
    }
    // 2,000 days back: the first read and about log2(2000 / 92) more, for each of the two balances
    expect(kali).toBeLessThanOrEqual(2 * 7);
    await b.close();
  });
});
