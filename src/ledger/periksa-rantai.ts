// Walking a chained book for `wksbm periksa`: its hash chain and, for the cash book, its voucher numbers and
// day totals, all from one read of SQLite's records. A large cash book is walked in two parts, one in a
// worker thread (periksa-samping.ts); jalaniKas is that part's whole work.
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

/** The cash book's rows in `rentang`, the chain starting at the stored hash of the row before them. */
export function jalaniKas(sqlite: Ledger['sqlite'], peta: PetaGanti, rentang: Rentang): HasilJalanKas {
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
