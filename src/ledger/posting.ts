// The cash-book rules, in one place: vouchers, funds and accounts, restricted funds, transfers,
// voids, closed quarters and the hash chain. Every cash row — a posting, a void, an aid, a sale, a
// bulk import — is decided, numbered, built and chained by catatKas; postEntry is its single-row
// shell and PostingMassal (bulk.ts) its many-row one.

import { findKasByNomor, findReversal, insertKas, type Kas, lastHash, urutTerakhir } from '../db/kas-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { tambahSaldoHarian } from '../db/saldo-repo.js';
import type { Tx } from '../db/transaction.js';
import type { Arah, Bukti } from '../db/types.js';
import { bagian, formatTanggal, romawi, tanggalEntriSah } from '../domain/dates.js';
import { RuleError, UserError } from '../domain/errors.js';
import { formatRupiah, kurangkan, NOL, type Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import {
  akunAda,
  akunBerbeda,
  asnafAda,
  danaAda,
  danaBolehMembayar,
  danaBolehMenerima,
  jenisAda,
  layananAda,
  sumberAda,
} from './aturan.js';
import { sambung } from './hash.js';
import { type KeadaanKas, keadaanSatu } from './keadaan.js';
import { cekTerbuka } from './period.js';
import { type Gerak, infoTanggal, type TitikMinus, titikMinus } from './saldo.js';

export interface EntriBaru {
  arah: Arah;
  tanggal: string;
  /** positive for a normal entry; a reversal carries the negated amount of its original */
  jumlah: Rupiah;
  sumber?: string | null;
  jenis?: string | null;
  layanan?: string | null;
  asnaf?: string | null;
  dana?: string | null;
  akun: string;
  akun_tujuan?: string | null;
  donatur_id?: number | null;
  kegiatan_id?: number | null;
  uraian?: string | null;
  impor_id?: number | null;
  /** the voucher kind when it is not the direction's own: `SA`, an opening balance (a receipt without a source) */
  bukti?: Bukti;
}

/** What a reversing entry records about the entry it voids. */
export interface Batal {
  dari: number;
  alasan: string;
}

export const BUKTI: Record<Arah, Bukti> = { masuk: 'BKM', keluar: 'BKK', pindah: 'PB' };

/** An entry's voucher kind: its own (an opening balance, or a void carrying its original's), else its direction's. */
export const buktiEntri = (e: { arah: Arah; bukti?: Bukti }): Bukti => e.bukti ?? BUKTI[e.arah];

/** Voucher sequences run per kind per calendar year. */
export const kunciUrut = (bukti: Bukti, tahun: number): string => `${bukti}/${tahun}`;

export function formatNomor(urut: number, bukti: Bukti, tanggal: string): string {
  return `${String(urut).padStart(3, '0')}/${bukti}${akhirNomor(tanggal)}`;
}

/** A voucher number's part from its date: `/XI/2026` (periksa keeps it for a day's rows). */
export function akhirNomor(tanggal: string): string {
  const { tahun, bulan } = bagian(tanggal);
  return `/${romawi(bulan)}/${tahun}`;
}

/** Checks the rules that depend only on reference data (src/ledger/aturan.ts); throws the message the user sees. */
export function checkRules(e: EntriBaru, ref: Referensi): void {
  if (e.arah !== 'pindah') enforce(danaAda(ref, e.dana));
  enforce(akunAda(ref, e.akun));
  if (e.arah === 'masuk') {
    // an opening balance has no source; the fund's source rules let it in (danaBolehMenerima, no sumber)
    if (buktiEntri(e) !== 'SA') enforce(sumberAda(ref, e.sumber));
    enforce(danaBolehMenerima(ref, e.dana, e.sumber));
  }
  if (e.arah === 'keluar') {
    enforce(jenisAda(ref, e.jenis));
    const kebutuhan = { layanan: e.layanan ?? null, asnaf: e.asnaf ?? null };
    enforce(danaBolehMembayar(ref, { dana: e.dana, jenis: e.jenis, ...kebutuhan }));
  }
  enforce(layananAda(ref, e.layanan));
  enforce(asnafAda(ref, e.asnaf));
  if (e.arah === 'pindah') {
    enforce(akunAda(ref, e.akun_tujuan));
    enforce(akunBerbeda(e.akun, e.akun_tujuan));
  }
}

/**
 * How an entry moves balances: a receipt or payment its fund, then its account (so a restricted fund
 * is reported before the account); a transfer the account it leaves and the one it enters.
 */
export function gerakKas(e: {
  arah: Arah;
  jumlah: number;
  dana?: string | null;
  akun: string;
  akun_tujuan?: string | null;
}): Gerak[] {
  if (e.arah === 'pindah')
    return [
      { buku: 'akun', kode: e.akun, gerak: -e.jumlah },
      { buku: 'akun', kode: e.akun_tujuan!, gerak: e.jumlah },
    ];
  const gerak = e.arah === 'masuk' ? e.jumlah : -e.jumlah;
  return [
    { buku: 'dana', kode: e.dana!, gerak },
    { buku: 'akun', kode: e.akun, gerak },
  ];
}

/** Balances that may never be below zero: every account, and restricted funds. */
function berlantai(g: Gerak, ref: Referensi): boolean {
  return g.buku === 'akun' || Boolean(ref.dana.find((d) => d.kode === g.kode)?.terikat);
}

function pesanMinus(g: Gerak, t: TitikMinus): string {
  const tanggal = formatTanggal(t.tanggal);
  return g.buku === 'dana'
    ? pesan.danaTerikatMinus(g.kode, tanggal, formatRupiah(t.saldo))
    : pesan.akunMinus(g.kode, tanggal, formatRupiah(t.saldo));
}

/**
 * The stored row of an entry with voucher sequence `urut`: the columns its direction uses. Its id and
 * hash are left for sambung. Plain and allocation-light: a bulk import builds a million of these.
 */
export function susunKas(e: EntriBaru, urut: number, tahun: number, waktu: string, batal?: Batal): Kas {
  const bukti = buktiEntri(e);
  return {
    id: 0,
    nomor: formatNomor(urut, bukti, e.tanggal),
    bukti,
    tahun,
    urut,
    arah: e.arah,
    tanggal: e.tanggal,
    jumlah: e.jumlah,
    sumber: e.arah === 'masuk' ? (e.sumber ?? null) : null,
    jenis: e.arah === 'keluar' ? (e.jenis ?? null) : null,
    layanan: e.layanan ?? null,
    asnaf: e.asnaf ?? null,
    dana: e.arah === 'pindah' ? null : (e.dana ?? null),
    akun: e.akun,
    akun_tujuan: e.arah === 'pindah' ? (e.akun_tujuan ?? null) : null,
    donatur_id: e.donatur_id ?? null,
    kegiatan_id: e.kegiatan_id ?? null,
    uraian: e.uraian ?? null,
    batal_dari: batal?.dari ?? null,
    alasan_batal: batal?.alasan ?? null,
    impor_id: e.impor_id ?? null,
    dibuat: waktu,
    hash_sebelum: '',
    hash: '',
  };
}

/**
 * The one decision for a cash row, single or bulk, after checkRules (which a void skips): the closed
 * quarter, the floors of the balances it lowers, its voucher number, the row and its link in the
 * chain. Throws the message the user sees; on success the state counts the row.
 */
export function catatKas(k: KeadaanKas, e: EntriBaru, ref: Referensi, waktu: string, batal?: Batal): Kas {
  cekTerbuka(k.tertutup, e.tanggal);
  enforce(tanggalEntriSah(k.rentang.awal, e.tanggal, k.rentang.hariIni));
  const { hari, tahun } = infoTanggal(e.tanggal);
  const gerak = gerakKas(e);
  for (const g of gerak) {
    if (g.gerak >= 0 || !berlantai(g, ref)) continue;
    const minus = titikMinus(k.garis(g.buku, g.kode, hari), hari, -g.gerak);
    if (minus) throw new RuleError(pesanMinus(g, minus));
  }
  const kunci = kunciUrut(buktiEntri(e), tahun);
  const urut = (k.urut.get(kunci) ?? 0) + 1;
  k.urut.set(kunci, urut);
  const row = sambung('kas', k.ujung, susunKas(e, urut, tahun, waktu, batal));
  k.terima(hari, gerak);
  return row;
}

/** Posts one entry inside the caller's transaction and returns the stored row. */
export async function postEntry(tx: Tx, e: EntriBaru, ref: Referensi, waktu: string, batal?: Batal): Promise<Kas> {
  if (!batal) checkRules(e, ref);
  const bukti = buktiEntri(e);
  const { tahun } = infoTanggal(e.tanggal);
  const urut = new Map([[kunciUrut(bukti, tahun), await urutTerakhir(tx, bukti, tahun)]]);
  const k = await keadaanSatu(
    tx,
    await lastHash(tx, 'kas'),
    e.tanggal,
    gerakKas(e).filter((g) => g.gerak < 0),
    urut,
  );
  const row = catatKas(k, e, ref, waktu, batal);
  await insertKas(tx, row);
  await tambahSaldoHarian(tx, row.tanggal, gerakKas(row));
  return row;
}

/** The reversing entry of a posted one, dated `tanggal`: the negated amount, no import. */
export function entriPembalik(asli: Kas, alasan: string, tanggal: string): EntriBaru {
  // the void keeps its original's kind: an opening balance is voided by an SA entry
  return {
    ...asli,
    impor_id: null,
    tanggal,
    jumlah: kurangkan(NOL, asli.jumlah),
    uraian: `Pembatalan ${asli.nomor}: ${alasan}`,
  };
}

/** Voids a posted entry by a reversing entry that points at it; both stay in the book. */
export async function voidEntry(
  tx: Tx,
  nomor: string,
  alasan: string,
  tanggal: string,
  ref: Referensi,
  waktu: string,
): Promise<{ asli: Kas; pembatal: Kas }> {
  const asli = await findKasByNomor(tx, nomor);
  if (!asli) throw new UserError(pesan.buktiTidakAda(nomor));
  if (asli.batal_dari !== null) throw new RuleError(pesan.buktiPembatalan(nomor));
  const sudah = await findReversal(tx, asli.id);
  if (sudah) throw new RuleError(pesan.buktiSudahBatal(nomor, sudah.nomor));
  const pembatal = await postEntry(tx, entriPembalik(asli, alasan, tanggal), ref, waktu, { dari: asli.id, alasan });
  return { asli, pembatal };
}
