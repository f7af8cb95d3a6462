// What `wksbm periksa` runs beside the main thread's walk of the books, each part on a connection of its own
// in a worker thread (periksa-pekerja.ts): SQLite's own check of the file and its constraints; and the reversals,
// the stock book's day totals, the stored day totals and the upper parts of a large cash book.
// Three threads on two cores; the cash book's walk is shared by taking parts from either end (periksa-rantai.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { bacaJumlah, cekBerkas, type HasilBerkas, type HasilJumlah } from '../db/periksa-sql.js';
import type { PetaGanti } from '../domain/anonim.js';
import { type BagiKas, type HasilJalanKas, jalaniAtas } from './periksa-rantai.js';

/** One part of the work: SQLite's check, or the totals and (when given) the upper parts of the cash book. */
export type KerjaSamping =
  | { kerja: 'berkas'; lengkap: boolean }
  | { kerja: 'jumlah'; kas?: { peta: PetaGanti; bagi: BagiKas } };

export interface HasilSamping {
  berkas: HasilBerkas;
  jumlah: { jumlah: HasilJumlah; kas?: HasilJalanKas[] };
}

/** The part's work on `sqlite`, in this thread. */
export function kerjakan<K extends KerjaSamping>(sqlite: BetterSqlite3.Database, k: K): HasilSamping[K['kerja']] {
  if (k.kerja === 'berkas') return cekBerkas(sqlite, k.lengkap) as HasilSamping[K['kerja']];
  // the totals first: the cash book's parts go on until the main thread's walk meets this one
  const jumlah = bacaJumlah(sqlite);
  return { jumlah, kas: k.kas && jalaniAtas(sqlite, k.kas.peta, k.kas.bagi) } as HasilSamping[K['kerja']];
}

/**
 * The worker thread's module: beside this one in the tsc output and in the bundle (scripts/bundle.js
 * builds it as its own entry point). From the TypeScript sources (vitest) there is none: undefined.
 */
function modulPekerja(): URL | undefined {
  return import.meta.url.endsWith('.ts') ? undefined : new URL('./periksa-pekerja.js', import.meta.url);
}

/**
 * The part's work on a connection of its own in a worker thread, beside whatever the caller does next on
 * its connection; in this thread, after the caller's next await, when there is no worker module or the file
 * is in memory.
 */
export function samping<K extends KerjaSamping>(
  sqlite: BetterSqlite3.Database,
  k: K,
): Promise<HasilSamping[K['kerja']]> {
  const modul = modulPekerja();
  if (!modul || sqlite.memory) return Promise.resolve().then(() => kerjakan(sqlite, k));
  // loaded here, not at start-up, like the cash import's writer (src/db/kas-bulk.ts)
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(modul, { workerData: { berkas: sqlite.name, kerja: k } });
    worker.once('message', (m: { hasil: HasilSamping[K['kerja']] } | { galat: { message: string; code?: string } }) => {
      if ('hasil' in m) resolve(m.hasil);
      else reject(Object.assign(new Error(m.galat.message), { code: m.galat.code }));
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('pemeriksa berhenti tanpa jawaban')));
  });
}
