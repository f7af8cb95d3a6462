// The cash book's services behind `wksbm kas`: each write owns its transaction and runs every rule
// again (checkRules in postEntry, the donor, the activity, the voucher to void), whatever a prompt checked.
import type { Kysely } from 'kysely';
import { cariDonatur } from '../books/donatur.js';
import { kegiatanAda } from '../books/kegiatan.js';
import { type Kas, listBelumBatal, listKas, saldoAkun, saldoDana } from '../db/kas-repo.js';
import { loadReferensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { hariSebelum } from '../domain/dates.js';
import type { EntriKas } from '../domain/kas.js';
import { jumlahSemua, NOL, type Rupiah } from '../domain/money.js';
import { enforce } from '../domain/rule.js';
import { akunAda, buktiBolehDibatalkan, danaAda } from './aturan.js';
import { type EntriBaru, postEntry, voidEntry } from './posting.js';
import { batalkanSaldoAwal } from './saldo-awal.js';

type Db = Kysely<Database>;

export type { EntriKas, Kas };

export interface MasukBaru {
  jumlah: Rupiah;
  sumber: string;
  dana: string;
  akun: string;
  tanggal: string;
  /** ID, phone or name, as typed */
  donatur?: string | null;
  uraian?: string | null;
}

export interface KeluarBaru {
  jumlah: Rupiah;
  jenis: string;
  dana: string;
  layanan?: string | null;
  asnaf?: string | null;
  akun: string;
  tanggal: string;
  kegiatan?: number | null;
  uraian?: string | null;
}

export interface PindahBaru {
  jumlah: Rupiah;
  dari: string;
  ke: string;
  tanggal: string;
  uraian?: string | null;
}

async function posting(db: Db, buat: (tx: Db) => Promise<EntriBaru>, waktu: string): Promise<Kas> {
  return withTransaction(db, async (tx) => postEntry(tx, await buat(tx), await loadReferensi(tx), waktu));
}

/** A receipt (BKM), linked to the donor it names. */
export function catatMasuk(db: Db, m: MasukBaru, waktu: string): Promise<Kas> {
  return posting(
    db,
    async (tx) => {
      const donatur_id = enforce(await cariDonatur(tx, m.donatur));
      return {
        arah: 'masuk',
        jumlah: m.jumlah,
        sumber: m.sumber,
        dana: m.dana,
        akun: m.akun,
        tanggal: m.tanggal,
        donatur_id,
        uraian: m.uraian ?? null,
      };
    },
    waktu,
  );
}

/** A payment (BKK), linked to the activity it pays for. */
export function catatKeluar(db: Db, k: KeluarBaru, waktu: string): Promise<Kas> {
  return posting(
    db,
    async (tx) => {
      enforce(await kegiatanAda(tx, k.kegiatan));
      return {
        arah: 'keluar',
        jumlah: k.jumlah,
        jenis: k.jenis,
        layanan: k.layanan ?? null,
        asnaf: k.asnaf ?? null,
        dana: k.dana,
        akun: k.akun,
        tanggal: k.tanggal,
        kegiatan_id: k.kegiatan ?? null,
        uraian: k.uraian ?? null,
      };
    },
    waktu,
  );
}

/** Money moved between accounts: neither income nor expense. */
export function catatPindah(db: Db, p: PindahBaru, waktu: string): Promise<Kas> {
  return posting(
    db,
    async () => ({
      arah: 'pindah',
      jumlah: p.jumlah,
      akun: p.dari,
      akun_tujuan: p.ke,
      tanggal: p.tanggal,
      uraian: p.uraian ?? null,
    }),
    waktu,
  );
}

/**
 * Voids a voucher by a reversing entry dated `tanggal`; both stay in the book. A voucher of the opening
 * balance voids the whole of it (`semua`: every SA voucher and its reversal).
 */
export async function batalkanBukti(
  db: Db,
  b: { nomor: string; alasan: string; tanggal: string },
  waktu: string,
): Promise<{ asli: Kas; pembatal: Kas; semua?: { asli: Kas[]; pembatal: Kas[] } }> {
  return withTransaction(db, async (tx) => {
    const asli = enforce(await buktiBolehDibatalkan(tx, b.nomor));
    const ref = await loadReferensi(tx);
    if (asli.bukti !== 'SA') return voidEntry(tx, b.nomor, b.alasan, b.tanggal, ref, waktu);
    const semua = await batalkanSaldoAwal(tx, b, ref, waktu);
    return { asli, pembatal: semua.pembatal[0]!, semua };
  });
}

/** The vouchers a treasurer may still void (not a void, not voided), newest first. */
export function buktiBisaDibatalkan(db: Db): Promise<Kas[]> {
  return listBelumBatal(db);
}

/** The voucher to void, by its number, once the rule allows it (before any reason is asked). */
export async function buktiUntukDibatalkan(db: Db, nomor: string): Promise<Kas> {
  return enforce(await buktiBolehDibatalkan(db, nomor));
}

export interface LingkupKas {
  dari?: string;
  sampai?: string;
  dana?: string;
  akun?: string;
}

/** The entries in scope and the balance carried in from the day before `dari` (of the fund, the account, or all). */
export async function bacaBukuKas(db: Db, l: LingkupKas): Promise<{ saldoAwal: Rupiah; entri: EntriKas[] }> {
  const ref = await loadReferensi(db);
  if (l.dana) enforce(danaAda(ref, l.dana));
  if (l.akun) enforce(akunAda(ref, l.akun));
  let saldoAwal = NOL;
  if (l.dari) {
    const sebelum = hariSebelum(l.dari);
    if (l.dana) saldoAwal = (await saldoDana(db, sebelum)).get(l.dana) ?? NOL;
    else if (l.akun) saldoAwal = (await saldoAkun(db, sebelum)).get(l.akun) ?? NOL;
    else saldoAwal = jumlahSemua((await saldoAkun(db, sebelum)).values());
  }
  return { saldoAwal, entri: await listKas(db, l) };
}

export interface SaldoKas {
  total: Rupiah;
  per: Map<string, Rupiah>;
  /** the name of each fund or account listed */
  nama: Map<string, string>;
}

/** Balances per fund or per account at the end of `tanggal` (or of the whole book). */
export async function saldoKas(db: Db, per: 'dana' | 'akun', tanggal?: string): Promise<SaldoKas> {
  const ref = await loadReferensi(db);
  const saldo = per === 'dana' ? await saldoDana(db, tanggal) : await saldoAkun(db, tanggal);
  const semua = [...ref.dana.map((d) => [d.kode, d.nama] as const), ...ref.akun.map((a) => [a.kode, a.nama] as const)];
  return {
    total: jumlahSemua(saldo.values()),
    per: saldo,
    nama: new Map(semua.filter(([k]) => saldo.has(k))),
  };
}
