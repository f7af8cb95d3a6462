// What `cetak` prints a book from: the unit's profile for the heading and the book's rows, streamed
// in order (a whole book can be large), with the cash book's balance carried in from before `dari`.
import {
  type Rentang,
  saldoSebelum,
  streamHadir,
  streamNatura,
  streamPenyaluran,
  streamRegister,
} from '../db/cetak-repo.js';
import type { Ledger } from '../db/connection.js';
import { iterasiKas } from '../db/kas-repo.js';
import { loadReferensi, type Referensi } from '../db/referensi-repo.js';
import { NOL, type Rupiah } from '../domain/money.js';
import { bacaProfil, type Profil } from './profil.js';

/** Where a printed book's rows come from (src/reports/cetak.ts declares one per book). */
export type SumberBaris =
  | { jenis: 'register'; buku: { tabel: string; tanggal?: string } }
  | { jenis: 'kas'; arah?: 'masuk' | 'keluar' }
  | { jenis: 'natura' | 'rapat' | 'hadir' | 'kegiatan' | 'penyaluran' | 'profil' };

export interface BahanCetak {
  profil: Profil;
  /** the balance before `dari`, for the whole cash book only */
  saldoAwal: Rupiah;
  /** streamed; the cash book's synchronously (a quarter of a million rows, no promise each) */
  baris: AsyncIterable<object> | Iterable<object>;
  /** the official lists, so a register prints a category's name rather than its code */
  ref: Referensi;
}

function streamBaris(ledger: Sambungan, s: SumberBaris, r: Rentang): AsyncIterable<object> | Iterable<object> {
  const db = ledger.db;
  switch (s.jenis) {
    case 'register':
      return streamRegister(db, s.buku.tabel, s.buku.tanggal, r);
    case 'kas':
      return iterasiKas(ledger.sqlite, db, { ...r, arah: s.arah });
    case 'natura':
      return streamNatura(db, r);
    case 'hadir':
      return streamHadir(db, r);
    case 'penyaluran':
      return streamPenyaluran(db, r);
    default:
      return streamRegister(db, s.jenis, 'tanggal', r);
  }
}

/** The unit's file as cetak reads it: kysely, and the handle the cash book is iterated on. */
type Sambungan = Pick<Ledger, 'db' | 'sqlite'>;

export async function bahanCetak(ledger: Sambungan, s: SumberBaris, r: Rentang): Promise<BahanCetak> {
  const db = ledger.db;
  const profil = await bacaProfil(db);
  const saldoAwal = s.jenis === 'kas' && !s.arah && r.dari ? await saldoSebelum(db, r.dari) : NOL;
  const ref = await loadReferensi(db);
  return { profil, saldoAwal, ref, baris: s.jenis === 'profil' ? [] : streamBaris(ledger, s, r) };
}
