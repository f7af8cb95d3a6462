// A worker thread of `wksbm periksa`, started by `samping` (periksa-samping.ts): one part of the work on a
// connection of its own, while the main thread walks the books. It only reads, but the connection is not
// opened read-only: SQLite's checks skip CHECK constraints on one that is.
import { parentPort, workerData } from 'node:worker_threads';
import { bukaSqlite } from '../db/sqlite.js';
import { type KerjaSamping, kerjakan } from './periksa-samping.js';

const { berkas, kerja } = workerData as { berkas: string; kerja: KerjaSamping };
try {
  const sqlite = bukaSqlite(berkas, { fileMustExist: true });
  try {
    parentPort!.postMessage({ hasil: kerjakan(sqlite, kerja) });
  } finally {
    sqlite.close();
  }
} catch (err) {
  const e = err as { message?: string; code?: string };
  parentPort!.postMessage({ galat: { message: String(e.message), code: e.code } });
}
