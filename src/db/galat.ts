// SQLite's damage codes become one Indonesian sentence that names what helps: periksa and pulihkan.
import { LedgerError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';

/**
 * Whether SQLite said the file is damaged (SQLITE_CORRUPT*), or not a database at all (SQLITE_NOTADB), or ran
 * out of memory (SQLITE_NOMEM) or met a value too long (SQLITE_TOOBIG): a damaged page can give a record a
 * length of gigabytes, and SQLite then answers "out of memory" or "string or blob too big" for what is damage.
 * Its own allocations on a unit's file are small and wksbm never stores a value near SQLite's limit, so the
 * sentence that names periksa and pulihkan is the one that helps.
 */
export function galatRusak(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CORRUPT') || ['SQLITE_NOTADB', 'SQLITE_NOMEM', 'SQLITE_TOOBIG'].includes(code))
  );
}

/** SQLite could not grow the file or its journal: the disk (or the user's quota) is full. */
export function galatPenuh(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'SQLITE_FULL';
}

/**
 * A damaged-file or full-disk error from SQLite as the user's sentence; any other error unchanged. A command is one
 * transaction, so a full disk leaves the book as it was.
 */
export function petakanGalat(err: unknown, file: string): unknown {
  if (galatRusak(err)) return new LedgerError(pesan.berkasRusak(file));
  return galatPenuh(err) ? new LedgerError(pesan.bukuDiskPenuh(file)) : err;
}
