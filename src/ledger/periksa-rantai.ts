// Walking a chained book for `wksbm periksa`: its hash chain and, for the cash book, its voucher numbers and
// day totals, all from one read of SQLite's records. A large cash book is walked from both ends at once, the
// upper parts in a worker thread (periksa-samping.ts); jalaniAtas is that walk's whole work.
import { AWAL_JSON, barisRantai, hashSampai, iterRantai, type Rentang, rekamRantai, SEMUA } from '../db/check-repo.js';
import type { Ledger } from '../db/connection.js';
import type { PetaGanti } from '../domain/anonim.js';
import { GENESIS, KOLOM_RANTAI, PemeriksaRantai, type PutusRantai, type TabelRantai } from './hash.js';
import { type DataKas, PencatatKas } from './periksa-kas.js';

/** A part of the cash book walked: its chain's first break, its numbers and day totals. */
export interface HasilJalanKas {
  putus?: PutusRantai & { row: Record<string, unknown> };
  kas: DataKas;
}

/**
 * A large cash book cut into parts of about BARIS_BAGIAN rows, taken by two walks from either end until they meet:
 * the main thread's from the first part up, a worker's from the last part down. Each takes its next part when done
 * with one, so the two end together however the machine shares its cores out; each walk's parts stay one run of
 * rows. `diambil` counts the parts taken by either walk (shared between the threads).
 */
export interface BagiKas {
  akhir: number;
  bagian: number;
  diambil: SharedArrayBuffer;
}

/** About how many rows a part holds: at the end, one walk waits for at most one part of the other's. */
const BARIS_BAGIAN = 16_384;

/** The cash book up to id `akhir` in parts of about `baris` rows (at least two parts), none taken yet. */
export function bagiKas(akhir: number, baris = BARIS_BAGIAN): BagiKas {
  return {
    akhir,
    bagian: Math.max(2, Math.round(akhir / baris)),
    diambil: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  };
}

/** One walk's taker of parts: from the first up (`bawah`) or from the last down (`atas`). */
class PengambilBagian {
  private readonly diambil: Int32Array;
  /** this walk's parts so far */
  private sendiri = 0;

  constructor(
    private readonly bagi: BagiKas,
    private readonly dari: 'bawah' | 'atas',
  ) {
    this.diambil = new Int32Array(bagi.diambil);
  }

  /** The rows of this walk's next part; undefined when every part is taken. */
  berikut(): Rentang | undefined {
    const { akhir, bagian } = this.bagi;
    if (Atomics.add(this.diambil, 0, 1) >= bagian) return undefined;
    const i = this.dari === 'bawah' ? this.sendiri : bagian - 1 - this.sendiri;
    this.sendiri++;
    const batas = (k: number) => Math.floor((k * akhir) / bagian);
    return { setelah: batas(i), sampai: batas(i + 1) };
  }
}

/**
 * The worker's walk: parts from the last down, until the main thread's walk from the first up meets it. Each part
 * starts its chain at the stored hash of the row before it; the parts come back in id order, to be joined.
 */
export function jalaniAtas(sqlite: Ledger['sqlite'], peta: PetaGanti, bagi: BagiKas): HasilJalanKas[] {
  const ambil = new PengambilBagian(bagi, 'atas');
  const hasil: HasilJalanKas[] = [];
  for (let r = ambil.berikut(); r; r = ambil.berikut()) hasil.unshift(jalaniKas(sqlite, peta, r));
  return hasil;
}

/** The main thread's walk: parts from the first up, one chain and one count of numbers and totals through them. */
export function jalaniBawah(sqlite: Ledger['sqlite'], rantai: PemeriksaRantai, kas: PencatatKas, bagi: BagiKas): void {
  const ambil = new PengambilBagian(bagi, 'bawah');
  for (let r = ambil.berikut(); r; r = ambil.berikut()) jalaniRantai(sqlite, 'kas', rantai, kas, r);
}

/** The cash book's rows in `rentang`, the chain starting at the stored hash of the row before them. */
function jalaniKas(sqlite: Ledger['sqlite'], peta: PetaGanti, rentang: Rentang): HasilJalanKas {
  const sebelum = hashSampai(sqlite, 'kas', rentang.setelah);
  const rantai = new PemeriksaRantai('kas', peta, typeof sebelum === 'string' ? sebelum : GENESIS);
  const kas = new PencatatKas();
  jalaniRantai(sqlite, 'kas', rantai, kas, rentang);
  return { putus: rantai.putus, kas: kas.data() };
}

/**
 * Walks a chain in id order on the rows' records (the stored hashes and SQLite's JSON text); a row whose
 * record does not match is decided by its values, as is every row when SQLite will not write a value as
 * JSON (a BLOB, put there outside the tool). The chain stops at its first break; the cash book's walk goes
 * on to the end for its voucher numbers and day totals. `rentang`: the rows walked (a part of the book
 * walked in another thread starts its chain at the stored hash before it).
 */
export function jalaniRantai(
  sqlite: Ledger['sqlite'],
  tabel: TabelRantai,
  rantai: PemeriksaRantai,
  kas?: PencatatKas,
  rentang: Rentang = SEMUA,
): void {
  const kolom = KOLOM_RANTAI[tabel];
  /** a row by its values, for the chain (unless its record matched) and the cash book (unless taken) */
  const nilai = (row: unknown[], diRantai = true, diKas = true) => {
    const hash = row.pop();
    const sebelum = row.pop();
    if (diRantai && !rantai.putus) rantai.push(row, sebelum, hash);
    if (diKas) kas?.tambahNilai(row);
  };
  let setelah = rentang.setelah;
  try {
    for (const batch of rekamRantai(sqlite, tabel, kolom, rentang)) {
      for (let i = 0; i < batch.rekam.length; i++) {
        const rekam = batch.rekam[i]!;
        setelah = batch.id[i]!;
        const polos = rekam[0] !== '?';
        const cocok = polos && (rantai.putus !== undefined || rantai.cocokRekam(setelah, rekam));
        const dicatat = polos && (!kas || kas.tambahRekam(rekam, AWAL_JSON, setelah));
        if (!cocok || !dicatat) nilai(barisRantai(sqlite, tabel, kolom, setelah), !cocok, !dicatat);
        if (rantai.putus && !kas) return;
      }
    }
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'SQLITE_ERROR') throw err;
    for (const row of iterRantai(sqlite, tabel, kolom, { setelah, sampai: rentang.sampai })) {
      nilai(row);
      if (rantai.putus && !kas) return;
    }
  }
}
