// SQLite's damage codes become one Indonesian sentence that names what helps: periksa and pulihkan.
import { LedgerError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';

/** Whether SQLite said the file is damaged (SQLITE_CORRUPT*) or not a database at all (SQLITE_NOTADB). */
export function galatRusak(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** A damaged-file error from SQLite as the user's sentence; any other error unchanged. */
export function petakanGalat(err: unknown, file: string): unknown {
  return galatRusak(err) ? new LedgerError(pesan.berkasRusak(file)) : err;
}
