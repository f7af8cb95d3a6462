// The writer thread of an import, started by bukaPenulisKas or bukaPenulisRegister (kas-bulk.ts). It holds
// the import's one transaction (BEGIN IMMEDIATE … COMMIT) on its own connection to the file and inserts the
// rows the main thread has checked (cash rows numbered and chained there; register rows numbered, stored and
// journalled here), while the main thread reads and checks the next.
// Nothing is committed before COMMIT, so a killed process (both threads die together) leaves the file
// as it was; a failed write rolls the whole import back.
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Hitungan } from './impor-repo.js';
import { type PenyisipRegister, registerInserter } from './register-massal.js';
import { bukaSqlite } from './sqlite.js';
import {
  insertImpor,
  KOLOM_BARIS,
  KOLOM_BERUBAH,
  type LogImpor,
  RujukanKas,
  SisipKas,
  tulisSaldoHarian,
  tundaIndeksKas,
  updateImporHitungan,
} from './tulis-massal.js';
import type { SaldoHarianRow } from './types.js';

export interface DataPenulis {
  berkas: string;
  /** one counter: batches written (or skipped after an error), so the main thread can bound its queue */
  selesai: SharedArrayBuffer;
  /** the import's log; absent, it comes as the first message (`mulai`) once the file's header is read */
  impor?: LogImpor;
  /** about how many rows the file holds (its lines): a run adding more than the book holds rebuilds kas_pos once */
  perkiraan: number;
  /**
   * a register import (donatur, PPKS, PSKS): its table and the columns each row's values come in; a column not among
   * them holds the import's id (impor_id), its time (dibuat) or its default
   */
  register?: { tabel: string; kolom: string[] };
}

/**
 * A batch carries per row the KOLOM_BERUBAH values, and once the KOLOM_TETAP values and the first row's hash_sebelum.
 */
export type KePenulis =
  | { lot: unknown[]; tetap: unknown[]; sebelum: string }
  /** register rows' values as read, one row after the other, each in the order of DataPenulis.register.kolom */
  | { register: unknown[] }
  | { commit: Hitungan; saldo: SaldoHarianRow[] }
  | { rollback: true }
  /** the import's log, for a thread started before it was known: the transaction begins now */
  | { mulai: LogImpor };
export interface GalatPenulis {
  message: string;
  code?: string;
  name?: string;
}
export type DariPenulis = { id: number } | { tutup: true } | { galat: GalatPenulis };

const BERUBAH = KOLOM_BERUBAH.length;
// each row's hash is the next row's hash_sebelum
const HASH = KOLOM_BERUBAH.indexOf('hash');

function lapor(e: unknown): GalatPenulis {
  const x = e as { message?: unknown; code?: unknown; name?: unknown } | null;
  return {
    message: String(x?.message ?? e),
    code: typeof x?.code === 'string' ? x.code : undefined,
    name: typeof x?.name === 'string' ? x.name : undefined,
  };
}

if (parentPort) {
  const port = parentPort;
  const w = workerData as DataPenulis;
  const selesai = new Int32Array(w.selesai);
  let db: Database.Database | undefined;
  let sisip: SisipKas | undefined;
  let register: PenyisipRegister | undefined;
  let rujukan: RujukanKas | undefined;
  let bangunIndeks = () => {};
  let imporId = 0;
  let galat: unknown;
  const gagal = (e: unknown) => {
    galat ??= e;
    try {
      if (db?.inTransaction) db.exec('ROLLBACK');
    } catch {
      /* the error already reported matters more */
    }
    port.postMessage({ galat: lapor(e) } satisfies DariPenulis);
  };

  try {
    db = bukaSqlite(w.berkas, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    // a cash import checks its rows' references once per value before commit (RujukanKas); a register's per row
    db.pragma(`foreign_keys = ${w.register ? 'ON' : 'OFF'}`);
    db.pragma('synchronous = NORMAL');
    // 32 MiB for the unique indexes' pages a million-row run touches (kas_pos is rebuilt at the end, see
    // tundaIndeksKas): against 48 MiB, seven alternating runs of 1 M rows peaked at 263 MiB instead of 288 (at most
    // 267 against 299, the target being 300), in the same time (wall median 15.2 s against 15.6)
    db.pragma('cache_size = -32768');
    // temp files on disk: rebuilding kas_pos sorts a million keys, which in memory would add their size to the peak
    db.pragma('temp_store = FILE');
  } catch (e) {
    gagal(e);
  }
  /** the import's transaction begins: the import logged, the inserter ready, its id sent back */
  const mulai = (impor: LogImpor) => {
    if (galat || !db) return;
    try {
      db.exec('BEGIN IMMEDIATE');
      imporId = insertImpor(db, impor);
      if (w.register) {
        // rows numbered, stored and journalled here, the indexes kept up to date as they come: beside the reading
        // thread, not after it. impor_id and dibuat are the same in every row: not bound
        const tetap = { impor_id: imporId, dibuat: impor.waktu };
        register = registerInserter(db, w.register.tabel, w.register.kolom, { tundaIndeks: false, tetap });
      } else {
        // every failure ends the import: a constraint failing rolls the transaction back at once
        sisip = new SisipKas(db, { batalSemua: true });
        rujukan = new RujukanKas(db);
        bangunIndeks = tundaIndeksKas(db, w.perkiraan);
      }
      port.postMessage({ id: imporId } satisfies DariPenulis);
    } catch (e) {
      gagal(e);
    }
  };
  if (w.impor) mulai(w.impor);

  const baris = new Array<unknown>(KOLOM_BARIS.length);
  const tulisLot = (lot: unknown[], tetap: unknown[], sebelum: string) => {
    rujukan!.catat(tetap, lot);
    sisip!.pakaiTetap(tetap);
    for (let i = 0; i < lot.length; i += BERUBAH) {
      for (let c = 0; c < BERUBAH; c++) baris[c] = lot[i + c];
      baris[BERUBAH] = sebelum;
      sebelum = lot[i + HASH] as string;
      sisip!.baris(baris);
    }
  };

  const lebarRegister = w.register?.kolom.length ?? 0;
  const tulisRegister = (nilai: unknown[]) => {
    for (let dari = 0; dari < nilai.length; dari += lebarRegister) register!.tulis(nilai, dari);
  };

  port.on('message', (m: KePenulis) => {
    if ('mulai' in m) return mulai(m.mulai);
    if ('lot' in m || 'register' in m) {
      if (!galat) {
        try {
          if ('register' in m) tulisRegister(m.register);
          else tulisLot(m.lot, m.tetap, m.sebelum);
        } catch (e) {
          gagal(e);
        }
      }
      Atomics.add(selesai, 0, 1);
      Atomics.notify(selesai, 0);
      return;
    }
    try {
      if ('commit' in m && !galat && db) {
        sisip?.akhiri();
        rujukan?.periksa();
        register?.akhiri();
        bangunIndeks();
        tulisSaldoHarian(db, m.saldo);
        updateImporHitungan(db, imporId, m.commit);
        db.exec('COMMIT');
      } else if (db?.inTransaction) db.exec('ROLLBACK');
      db?.close();
      port.postMessage((galat && 'commit' in m ? { galat: lapor(galat) } : { tutup: true }) satisfies DariPenulis);
    } catch (e) {
      gagal(e);
      try {
        db?.close();
      } catch {
        /* already reported */
      }
    }
  });
}
