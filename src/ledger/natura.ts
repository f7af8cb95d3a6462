// The stock book of goods in kind: append-only movements, hash-chained like the cash book,
// refused in closed quarters, and never below zero.
import { RuleError, UserError } from '../cli/errors.js';
import { pesan } from '../cli/pesan.js';
import { lastHash } from '../db/kas-repo.js';
import { type Natura, firstNegativeStok, insertNatura, satuanBarang } from '../db/natura-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { Tx } from '../db/transaction.js';
import { formatTanggal } from './dates.js';
import { GENESIS, hashRow } from './hash.js';
import { ensureOpen } from './period.js';

export interface GerakNatura {
  arah: 'masuk' | 'keluar';
  tanggal: string;
  barang: string;
  /** the item's unit; defaults to the unit it was first counted in, else kg */
  satuan?: string | null;
  /** thousandths of the unit, positive */
  kuantitas_mili: number;
  /** where goods came from (masuk) */
  sumber?: string | null;
  /** where goods went (keluar) */
  tujuan?: 'penyaluran' | 'jual' | 'lainnya' | null;
  kas_id?: number | null;
  donatur_id?: number | null;
  uraian?: string | null;
  impor_id?: number | null;
}

/** `Beras ` and `beras` are one item. */
export function namaBarang(raw: string): string {
  return raw.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** `12500` thousandths → `12,5`. */
export function formatKuantitas(mili: number, satuan?: string): string {
  const s = (mili / 1000).toLocaleString('id-ID', { maximumFractionDigits: 3 });
  return satuan ? `${s} ${satuan}` : s;
}

/** Posts one movement inside the caller's transaction and returns the stored row. */
export async function postNatura(tx: Tx, g: GerakNatura, ref: Referensi, waktu: string): Promise<Natura> {
  const barang = namaBarang(g.barang);
  if (barang === '') throw new UserError(pesan.teksKosong('barang'));
  if (!Number.isSafeInteger(g.kuantitas_mili) || g.kuantitas_mili <= 0) throw new UserError(pesan.kuantitasTidakSah('kuantitas', String(g.kuantitas_mili / 1000)));
  const ada = await satuanBarang(tx, barang);
  const diminta = g.satuan?.trim().toLowerCase() || undefined;
  if (ada && diminta && ada !== diminta) throw new UserError(pesan.satuanBeda(barang, ada, diminta));
  const satuan = ada ?? diminta ?? 'kg';
  if (g.arah === 'masuk') {
    if (!g.sumber || !ref.sumber.some((s) => s.kode === g.sumber)) throw new UserError(pesan.pilihanTidakDikenal('sumber', String(g.sumber), ref.sumber.map((s) => s.kode)));
  } else if (!g.tujuan) throw new UserError(pesan.teksKosong('tujuan'));
  await ensureOpen(tx, g.tanggal);
  const last = await lastHash(tx, 'natura');
  const tanpaHash = {
    id: (last?.id ?? 0) + 1,
    tanggal: g.tanggal,
    barang,
    satuan,
    arah: g.arah,
    kuantitas_mili: g.kuantitas_mili,
    sumber: g.arah === 'masuk' ? (g.sumber ?? null) : null,
    tujuan: g.arah === 'keluar' ? (g.tujuan ?? null) : null,
    kas_id: g.kas_id ?? null,
    donatur_id: g.donatur_id ?? null,
    uraian: g.uraian ?? null,
    batal_dari: null,
    impor_id: g.impor_id ?? null,
    dibuat: waktu,
  };
  const sebelum = last?.hash ?? GENESIS;
  const row: Natura = { ...tanpaHash, hash_sebelum: sebelum, hash: hashRow('natura', sebelum, tanpaHash) };
  await insertNatura(tx, row);
  if (g.arah === 'keluar') {
    const minus = await firstNegativeStok(tx, barang, g.tanggal);
    if (minus) throw new RuleError(pesan.stokMinus(barang, formatTanggal(minus.tanggal), formatKuantitas(Number(minus.sisa_mili), satuan)));
  }
  return row;
}
