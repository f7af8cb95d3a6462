// The worker thread of `wksbm periksa`, started by bacaSqlSamping (periksa-sql.ts): SQLite's checks and
// the grouped totals on its own connection, while the main thread walks the hash chains. It only reads,
// but the connection is not opened read-only: SQLite's checks skip CHECK constraints on one that is.
import { parentPort, workerData } from 'node:worker_threads';
import { bacaSql } from './periksa-sql.js';
import { bukaSqlite } from './sqlite.js';

const { berkas, lengkap } = workerData as { berkas: string; lengkap: boolean };
try {
  const sqlite = bukaSqlite(berkas, { fileMustExist: true });
  try {
    parentPort!.postMessage({ hasil: bacaSql(sqlite, lengkap) });
  } finally {
    sqlite.close();
  }
} catch (err) {
  const e = err as { message?: string; code?: string };
  parentPort!.postMessage({ galat: { message: String(e.message), code: e.code } });
}
