// The stock book of goods in kind: append-only movements, hash-chained like the cash book,
// refused in closed quarters, and never below zero. Every stock row is decided, built and chained
// by catatNatura, the same way catatKas does a cash row.

import { findKasById, findReversal, lastHash } from '../db/kas-repo.js';
import { findNatura, findNaturaReversal, insertNatura, type Natura, satuanBarang } from '../db/natura-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { tambahSaldoHarian } from '../db/saldo-repo.js';
import type { Tx } from '../db/transaction.js';
import { formatTanggal, tanggalEntriSah } from '../domain/dates.js';
import { RuleError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { sambung } from './hash.js';
import { type KeadaanBuku, keadaanSatu } from './keadaan.js';
import { cekTerbuka } from './period.js';
import { voidEntry } from './posting.js';
import { type Gerak, infoTanggal, titikMinus } from './saldo.js';

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
  /** goods in store recorded by an opening balance: no source (not stored; its kas_id names the SA voucher) */
  awal?: boolean;
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

/** A movement whose item name and unit are settled (postNatura's checks passed). */
export type GerakNaturaSah = GerakNatura & { barang: string; satuan: string };

/** How a stock row moves its item's stock (thousandths of the unit). */
export function gerakNatura(g: { arah: 'masuk' | 'keluar'; barang: string; kuantitas_mili: number }): Gerak[] {
  return [{ buku: 'stok', kode: g.barang, gerak: g.arah === 'masuk' ? g.kuantitas_mili : -g.kuantitas_mili }];
}

/** The stored row of a movement; its id and hash are left for sambung. */
export function susunNatura(g: GerakNaturaSah, waktu: string, batalDari?: number): Natura {
  return {
    id: 0,
    tanggal: g.tanggal,
    barang: g.barang,
    satuan: g.satuan,
    arah: g.arah,
    kuantitas_mili: g.kuantitas_mili,
    sumber: g.arah === 'masuk' ? (g.sumber ?? null) : null,
    tujuan: g.arah === 'keluar' ? (g.tujuan ?? null) : null,
    kas_id: g.kas_id ?? null,
    donatur_id: g.donatur_id ?? null,
    uraian: g.uraian ?? null,
    batal_dari: batalDari ?? null,
    impor_id: g.impor_id ?? null,
    dibuat: waktu,
    hash_sebelum: '',
    hash: '',
  };
}

/** The one decision for a stock row: the closed quarter, the stock floor, the row and its link in the chain. */
export function catatNatura(k: KeadaanBuku, g: GerakNaturaSah, waktu: string, batalDari?: number): Natura {
  cekTerbuka(k.tertutup, g.tanggal);
  enforce(tanggalEntriSah(k.rentang.awal, g.tanggal, k.rentang.hariIni));
  const { hari } = infoTanggal(g.tanggal);
  const gerak = gerakNatura(g);
  for (const x of gerak) {
    if (x.gerak >= 0) continue;
    const minus = titikMinus(k.garis(x.buku, x.kode, hari), hari, -x.gerak);
    if (minus)
      throw new RuleError(
        pesan.stokMinus(x.kode, formatTanggal(minus.tanggal), formatKuantitas(minus.saldo, g.satuan)),
      );
  }
  const row = sambung('natura', k.ujung, susunNatura(g, waktu, batalDari));
  k.terima(hari, gerak);
  return row;
}

/** Posts one movement inside the caller's transaction and returns the stored row. */
export async function postNatura(
  tx: Tx,
  g: GerakNatura,
  ref: Referensi,
  waktu: string,
  batalDari?: number,
): Promise<Natura> {
  const barang = namaBarang(g.barang);
  if (barang === '') throw new UserError(pesan.teksKosong('barang'));
  // a reversal carries the negated quantity of its original, like a void in the cash book
  if (
    !Number.isSafeInteger(g.kuantitas_mili) ||
    g.kuantitas_mili === 0 ||
    (g.kuantitas_mili < 0 && batalDari === undefined)
  )
    throw new UserError(pesan.kuantitasTidakSah('kuantitas', String(g.kuantitas_mili / 1000)));
  const ada = await satuanBarang(tx, barang);
  const diminta = g.satuan?.trim().toLowerCase() || undefined;
  if (ada && diminta && ada !== diminta) throw new UserError(pesan.satuanBeda(barang, ada, diminta));
  const satuan = ada ?? diminta ?? 'kg';
  // a reversal carries its original's source, checked when the original was posted
  if (g.arah === 'masuk' && !g.awal && batalDari === undefined) {
    if (!g.sumber || !ref.sumber.some((s) => s.kode === g.sumber))
      throw new UserError(
        pesan.pilihanTidakDikenal(
          'sumber',
          String(g.sumber),
          ref.sumber.map((s) => s.kode),
        ),
      );
  } else if (g.arah === 'keluar' && !g.tujuan) throw new UserError(pesan.teksKosong('tujuan'));
  const sah: GerakNaturaSah = { ...g, barang, satuan };
  const k = await keadaanSatu(
    tx,
    await lastHash(tx, 'natura'),
    g.tanggal,
    gerakNatura(sah).filter((x) => x.gerak < 0),
  );
  const row = catatNatura(k, sah, waktu, batalDari);
  await insertNatura(tx, row);
  await tambahSaldoHarian(tx, row.tanggal, gerakNatura(row));
  return row;
}

/**
 * Corrects a mistaken movement by a reversing row that points at it (both stay in the book).
 * Reversing a sale also voids its BKM in the same transaction; a stock-out for aid is part of
 * the aid record and is not reversed here.
 */
export async function voidNatura(
  tx: Tx,
  id: number,
  alasan: string,
  tanggal: string,
  ref: Referensi,
  waktu: string,
): Promise<{ asli: Natura; pembatal: Natura; kasPembatal?: string }> {
  const asli = await findNatura(tx, id);
  if (!asli) throw new UserError(pesan.naturaTidakAda(String(id)));
  if (asli.batal_dari !== null) throw new RuleError(pesan.naturaPembatalan(id));
  const sudah = await findNaturaReversal(tx, id);
  if (sudah) throw new RuleError(pesan.naturaSudahBatal(id, sudah.id));
  if (asli.tujuan === 'penyaluran') throw new RuleError(pesan.naturaPenyaluran(id));
  let kasPembatal: string | undefined;
  if (asli.kas_id !== null) {
    const kas = await findKasById(tx, asli.kas_id);
    if (kas && !(await findReversal(tx, kas.id))) {
      // goods counted by an opening balance go with it: the whole opening balance is voided at once
      if (kas.bukti === 'SA') throw new RuleError(pesan.saldoAwalNaturaLewatKas(id, kas.nomor));
      kasPembatal = (await voidEntry(tx, kas.nomor, alasan, tanggal, ref, waktu)).pembatal.nomor;
    }
  }
  const pembatal = await postNatura(
    tx,
    {
      arah: asli.arah,
      tanggal,
      barang: asli.barang,
      satuan: asli.satuan,
      kuantitas_mili: -asli.kuantitas_mili,
      sumber: asli.sumber,
      tujuan: asli.tujuan as GerakNatura['tujuan'],
      kas_id: asli.kas_id,
      donatur_id: asli.donatur_id,
      uraian: pesan.uraianBatalNatura(id, alasan),
    },
    ref,
    waktu,
    asli.id,
  );
  return { asli, pembatal, kasPembatal };
}
