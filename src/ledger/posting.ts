// The cash-book rules, in one place: vouchers, funds and accounts, restricted funds, transfers,
// voids, closed quarters and the hash chain. Every write to `kas` goes through postEntry.
import { RuleError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { type Kas, findKasByNomor, findReversal, firstNegativeAkun, firstNegativeDana, insertKas, lastHash, nextUrut } from '../db/kas-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { Tx } from '../db/transaction.js';
import type { Arah, Bukti } from '../db/types.js';
import { bagian, formatTanggal, romawi } from '../domain/dates.js';
import { GENESIS, hashRow } from './hash.js';
import { formatRupiah } from '../domain/money.js';
import { ensureOpen, ensureTanggalEntri } from './period.js';
import { enforce } from '../domain/rule.js';
import {
  akunAda, akunBerbeda, asnafAda, danaAda, danaBolehMembayar, danaBolehMenerima, jenisAda, layananAda, sumberAda,
} from './aturan.js';

export interface EntriBaru {
  arah: Arah;
  tanggal: string;
  /** positive for a normal entry; a reversal carries the negated amount of its original */
  jumlah: number;
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
}

const BUKTI: Record<Arah, Bukti> = { masuk: 'BKM', keluar: 'BKK', pindah: 'PB' };

export function formatNomor(urut: number, bukti: Bukti, tanggal: string): string {
  const { tahun, bulan } = bagian(tanggal);
  return `${String(urut).padStart(3, '0')}/${bukti}/${romawi(bulan)}/${tahun}`;
}

/** Checks the rules that depend only on reference data (src/ledger/aturan.ts); throws the message the user sees. */
export function checkRules(e: EntriBaru, ref: Referensi): void {
  if (e.arah !== 'pindah') enforce(danaAda(ref, e.dana));
  enforce(akunAda(ref, e.akun));
  if (e.arah === 'masuk') {
    enforce(sumberAda(ref, e.sumber));
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

/** Posts one entry inside the caller's transaction and returns the stored row. */
export async function postEntry(tx: Tx, e: EntriBaru, ref: Referensi, waktu: string, batal?: { dari: number; alasan: string }): Promise<Kas> {
  if (!batal) checkRules(e, ref);
  await ensureOpen(tx, e.tanggal);
  await ensureTanggalEntri(tx, e.tanggal);
  const bukti = BUKTI[e.arah];
  const { tahun } = bagian(e.tanggal);
  const urut = await nextUrut(tx, bukti, tahun);
  const last = await lastHash(tx, 'kas');
  const tanpaHash = {
    id: (last?.id ?? 0) + 1,
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
  };
  const sebelum = last?.hash ?? GENESIS;
  const row: Kas = { ...tanpaHash, hash_sebelum: sebelum, hash: hashRow('kas', sebelum, tanpaHash) };
  await insertKas(tx, row);
  await ensureNoNegative(tx, row, ref);
  return row;
}

/** After the insert, inside the transaction: the funds and accounts this entry lowers stay ≥ 0 from its date on. */
async function ensureNoNegative(tx: Tx, row: Kas, ref: Referensi): Promise<void> {
  const turun = row.arah === 'keluar' ? row.jumlah > 0 : row.arah === 'masuk' ? row.jumlah < 0 : true;
  if (!turun) return;
  const dana = ref.dana.find((d) => d.kode === row.dana);
  if (dana?.terikat) {
    const minus = await firstNegativeDana(tx, dana.kode, row.tanggal);
    if (minus) throw new RuleError(pesan.danaTerikatMinus(dana.kode, formatTanggal(minus.tanggal), formatRupiah(Number(minus.saldo))));
  }
  const akunTurun = row.arah === 'pindah' ? (row.jumlah > 0 ? row.akun : row.akun_tujuan!) : row.akun;
  const minus = await firstNegativeAkun(tx, akunTurun, row.tanggal);
  if (minus) throw new RuleError(pesan.akunMinus(akunTurun, formatTanggal(minus.tanggal), formatRupiah(Number(minus.saldo))));
}

/** Voids a posted entry by a reversing entry that points at it; both stay in the book. */
export async function voidEntry(tx: Tx, nomor: string, alasan: string, tanggal: string, ref: Referensi, waktu: string): Promise<{ asli: Kas; pembatal: Kas }> {
  const asli = await findKasByNomor(tx, nomor);
  if (!asli) throw new UserError(pesan.buktiTidakAda(nomor));
  if (asli.batal_dari !== null) throw new RuleError(pesan.buktiPembatalan(nomor));
  const sudah = await findReversal(tx, asli.id);
  if (sudah) throw new RuleError(pesan.buktiSudahBatal(nomor, sudah.nomor));
  const pembatal = await postEntry(
    tx,
    { ...asli, impor_id: null, tanggal, jumlah: -asli.jumlah, uraian: `Pembatalan ${asli.nomor}: ${alasan}` },
    ref,
    waktu,
    { dari: asli.id, alasan },
  );
  return { asli, pembatal };
}
