// The hash chain over posted rows: each row's hash covers its content and the previous row's hash,
// so a row changed outside the tool breaks the chain from that row on.

import { hashTercatat, type PetaGanti } from '../domain/anonim.js';
import { createHash, hashSekali } from '../domain/kripto.js';

export const GENESIS = '0'.repeat(64);
/** A hash's length in hex digits. */
const PANJANG = GENESIS.length;

export const KOLOM_RANTAI = {
  kas: [
    'id',
    'nomor',
    'bukti',
    'tahun',
    'urut',
    'arah',
    'tanggal',
    'jumlah',
    'sumber',
    'jenis',
    'layanan',
    'asnaf',
    'dana',
    'akun',
    'akun_tujuan',
    'donatur_id',
    'kegiatan_id',
    'uraian',
    'batal_dari',
    'alasan_batal',
    'impor_id',
    'dibuat',
  ],
  natura: [
    'id',
    'tanggal',
    'barang',
    'satuan',
    'arah',
    'kuantitas_mili',
    'sumber',
    'tujuan',
    'kas_id',
    'donatur_id',
    'uraian',
    'batal_dari',
    'impor_id',
    'dibuat',
  ],
} as const;

export type TabelRantai = keyof typeof KOLOM_RANTAI;

// One-shot hashing (Node ≥ 20.12) gives the same digest as the streaming API at a fraction of the cost,
// which matters when an import chains a million rows.

export function hashRow(tabel: TabelRantai, sebelum: string, row: Record<string, unknown>): string {
  return hashIsi(sebelum, tabel === 'kas' ? isiKas(row) : KOLOM_RANTAI[tabel].map((k) => row[k] ?? null));
}

/**
 * A cash row's chained values, KOLOM_RANTAI.kas written out (a test holds it to the list): an import chains a
 * million rows, and reading each column by its name from the list costs more than hashing the row.
 */
export function isiKas(r: Record<string, unknown>): unknown[] {
  return [
    r.id ?? null,
    r.nomor ?? null,
    r.bukti ?? null,
    r.tahun ?? null,
    r.urut ?? null,
    r.arah ?? null,
    r.tanggal ?? null,
    r.jumlah ?? null,
    r.sumber ?? null,
    r.jenis ?? null,
    r.layanan ?? null,
    r.asnaf ?? null,
    r.dana ?? null,
    r.akun ?? null,
    r.akun_tujuan ?? null,
    r.donatur_id ?? null,
    r.kegiatan_id ?? null,
    r.uraian ?? null,
    r.batal_dari ?? null,
    r.alasan_batal ?? null,
    r.impor_id ?? null,
    r.dibuat ?? null,
  ];
}

/** The hash of a row's chained values, in KOLOM_RANTAI order (as `periksa` reads them, one array a row). */
export function hashIsi(sebelum: string, isi: readonly unknown[]): string {
  return hashTeks(sebelum, JSON.stringify(isi));
}

/** The one hash routine: the previous hash, a newline, and the row's values as a JSON array. */
function hashTeks(sebelum: string, json: string): string {
  return hashMasukan(`${sebelum}\n${json}`);
}

/** The hash of a row's whole input, already joined as hashTeks joins it. */
function hashMasukan(masukan: string): string {
  const sekaliJalan = hashSekali();
  if (sekaliJalan) return sekaliJalan('sha256', masukan, 'hex');
  return createHash('sha256').update(masukan).digest('hex');
}

/** The last row of a chain: the next row takes id + 1 and links to this hash. An empty book's is `ujungKosong()`. */
export interface Ujung {
  id: number;
  hash: string;
}

export const ujungKosong = (): Ujung => ({ id: 0, hash: GENESIS });

/**
 * The one chaining step for every posted row (cash or stock, single or bulk): gives the built row its
 * id and its link, and moves the chain's end to it. Fills the row in place, so a million-row import
 * makes no copies.
 */
export function sambung<T extends { id: number; hash_sebelum: string; hash: string }>(
  tabel: TabelRantai,
  ujung: Ujung,
  row: T,
): T {
  row.id = ujung.id + 1;
  row.hash_sebelum = ujung.hash;
  // hashRow reads only the chained columns, so the row may already carry its link fields
  row.hash = hashRow(tabel, ujung.hash, row);
  ujung.id = row.id;
  ujung.hash = row.hash;
  return row;
}

export interface PutusRantai {
  id: number;
  alasan: 'isi' | 'sambungan';
}

/**
 * Fed rows in id order (streamed, so a million-row book needs no memory), each as its chained values in
 * KOLOM_RANTAI order (id first) with its stored link and hash; remembers the first break. A row an erasure
 * rewrote passes when it is exactly as the act left it (src/domain/anonim.ts).
 */
export class PemeriksaRantai {
  putus: (PutusRantai & { row: Record<string, unknown> }) | undefined;

  /** the erasures' rewrites; none when there are none, so a row's hash is taken as computed without a look-up */
  private readonly peta: PetaGanti | undefined;

  /** `sebelum`: the stored hash of the row before the first fed (a walk that starts inside the book) */
  constructor(
    private readonly tabel: TabelRantai,
    peta?: PetaGanti,
    private sebelum: string = GENESIS,
  ) {
    this.peta = peta?.size ? peta : undefined;
  }

  push(isi: readonly unknown[], hashSebelum: unknown, hash: unknown): void {
    if (this.putus) return;
    if (hashSebelum !== this.sebelum) this.patah('sambungan', isi);
    else if (hashTercatat(this.peta, this.tabel, Number(isi[0]), hashIsi(this.sebelum, isi)) !== hash)
      this.patah('isi', isi);
    else this.sebelum = hash as string;
  }

  /**
   * The fast form of push, from a row's record as periksa reads it (src/db/check-repo.ts, `rekamRantai`): the
   * stored hash, then the row's whole hash input (its stored link, a newline, SQLite's JSON array of its
   * values). True when the row links and the text gives the stored hash, and the chain moves on. False
   * changes nothing: then push with the row's own values decides, since SQLite may write a value differently
   * from JSON.stringify and only a match is taken from the text. The record holds the two hashes only when
   * each is 64 ASCII characters, so the slices are the stored values themselves.
   */
  cocokRekam(id: number, rekam: string): boolean {
    if (this.putus || rekam.slice(PANJANG, 2 * PANJANG) !== this.sebelum) return false;
    const hash = rekam.slice(0, PANJANG);
    if (hashTercatat(this.peta, this.tabel, id, hashMasukan(rekam.slice(PANJANG))) !== hash) return false;
    this.sebelum = hash;
    return true;
  }

  private patah(alasan: PutusRantai['alasan'], isi: readonly unknown[]): void {
    const row = Object.fromEntries(KOLOM_RANTAI[this.tabel].map((k, i) => [k, isi[i]]));
    this.putus = { id: Number(row.id), alasan, row };
  }
}
