// SQLite's damage codes become one Indonesian sentence that names what helps: periksa and pulihkan.
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';

/** The `code` of an error from SQLite or Node (`SQLITE_FULL`, `ENOSPC`), or '' when it has none. */
export const kodeGalat = (err: unknown): string =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : '';

/**
 * Whether SQLite said the file is damaged (SQLITE_CORRUPT*), or not a database at all (SQLITE_NOTADB), or ran
 * out of memory (SQLITE_NOMEM) or met a value too long (SQLITE_TOOBIG): a damaged page can give a record a
 * length of gigabytes, and SQLite then answers "out of memory" or "string or blob too big" for what is damage.
 * Its own allocations on a unit's file are small and wksbm never stores a value near SQLite's limit, so the
 * sentence that names periksa and pulihkan is the one that helps.
 */
export function galatRusak(err: unknown): boolean {
  const kode = kodeGalat(err);
  return kode.startsWith('SQLITE_CORRUPT') || ['SQLITE_NOTADB', 'SQLITE_NOMEM', 'SQLITE_TOOBIG'].includes(kode);
}

/** SQLite could not grow the file or its journal: the disk (or the user's quota) is full. */
export function galatPenuh(err: unknown): boolean {
  return kodeGalat(err) === 'SQLITE_FULL';
}

const bisaDitulis = (p: string): boolean => {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * SQLite could not open or write the book because the book, or the folder where its -wal and -shm beside it live, may
 * not be written (a write-protected stick, a read-only share, a file of another user): the sentence that says so, or
 * undefined for another cause. Asked of the file system, so a book that cannot be opened for another reason keeps its
 * own sentence.
 */
function hanyaBaca(err: unknown, file: string): UserError | undefined {
  const kode = kodeGalat(err);
  if (kode !== 'SQLITE_CANTOPEN' && !kode.startsWith('SQLITE_READONLY')) return undefined;
  const folder = path.dirname(path.resolve(file));
  // a -wal or -shm left by another user (a command once run with sudo) refuses as a read-only folder does
  const pendamping = [`${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));
  if ([file, folder, ...pendamping].every(bisaDitulis)) return undefined;
  return new UserError(pesan.bukuHanyaBaca(file, folder));
}

/**
 * A damaged-file, full-disk, read-only, locked-file or disk-failure error from SQLite as the user's sentence; any other
 * error unchanged. A command is one transaction, so each leaves the book as it was.
 */
export function petakanGalat(err: unknown, file: string): unknown {
  if (galatRusak(err)) return new LedgerError(pesan.berkasRusak(file));
  if (galatPenuh(err)) return new LedgerError(pesan.bukuDiskPenuh(file));
  const kode = kodeGalat(err);
  if (kode === 'SQLITE_BUSY' || kode === 'SQLITE_LOCKED') return new LedgerError(pesan.berkasTerkunci());
  // the disk failed a read or a write (a stick pulled out): SQLite's journal keeps the book whole once it is back
  if (kode.startsWith('SQLITE_IOERR')) return new LedgerError(pesan.bukuGalatDisk(file));
  return hanyaBaca(err, file) ?? err;
}
