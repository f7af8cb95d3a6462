// Files the tool writes hold personal data (names, full NIKs in printed books and reject files): owner-only,
// written whole beside their name and given it at the end, never over a book.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';

const KEPALA_SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether `berkas` is a file that starts as every SQLite database does (a unit's book, a backup, another program's
 * database). Only a regular file is opened: opening a pipe to read would wait for a writer, or take the output.
 */
function berkasSqlite(berkas: string): boolean {
  if (!fs.statSync(berkas, { throwIfNoEntry: false })?.isFile()) return false;
  const kepala = Buffer.alloc(KEPALA_SQLITE.length);
  try {
    const fd = fs.openSync(berkas, 'r');
    try {
      return fs.readSync(fd, kepala, 0, kepala.length, 0) === kepala.length && kepala.equals(KEPALA_SQLITE);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Whether two paths name one file: the same path, or (both existing) the same file through a link. */
function berkasSama(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [x, y] = [a, b].map((f) => fs.statSync(f, { throwIfNoEntry: false }));
  return Boolean(x && y && x.dev === y.dev && x.ino === y.ino);
}

/**
 * Refuses an output path before anything is written to it: a folder (as Node would, EISDIR), a book or any SQLite file
 * (a slip of `-o unit.sqlite` replaced the whole book by a report), the journal SQLite keeps beside one, or a file the
 * command reads (`masukan`: `--ditolak` naming the file being imported would replace it by its refused rows).
 */
export function periksaKeluaran(keluar: string, masukan: readonly string[] = []): void {
  const jenis = fs.statSync(keluar, { throwIfNoEntry: false });
  if (jenis?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${keluar}`), { code: 'EISDIR', path: keluar });
  if (berkasSqlite(keluar)) throw new UserError(pesan.keluaranBuku(keluar));
  if (masukan.some((m) => berkasSama(keluar, m))) throw new UserError(pesan.keluaranMasukan(keluar));
  const pendamping = /-(wal|shm|journal)$/.exec(keluar);
  const buku = pendamping && keluar.slice(0, -pendamping[0].length);
  if (buku && berkasSqlite(buku)) throw new UserError(pesan.keluaranPendampingBuku(keluar, buku));
}

/**
 * Where writing `keluar` lands. A link is followed to its file, which is replaced (or made, owner-only) beside itself,
 * the link kept (renaming onto the link would replace the link: `-o /dev/stdout > x.xlsx`, run as root, replaced
 * /dev/stdout itself). `langsung`: a pipe, a device or a socket, or a link to a file whose path cannot be named,
 * written as it is: it has no folder to write beside it in.
 */
function tujuan(keluar: string): { jalur: string; langsung: boolean } {
  const lewat = fs.statSync(keluar, { throwIfNoEntry: false });
  if (!lewat) {
    // not there: a new file. A link to a file not there yet: that file, made beside itself like any other
    if (!fs.lstatSync(keluar, { throwIfNoEntry: false })?.isSymbolicLink()) return { jalur: keluar, langsung: false };
    return { jalur: path.resolve(path.dirname(keluar), fs.readlinkSync(keluar)), langsung: false };
  }
  if (!lewat.isFile()) return { jalur: keluar, langsung: !lewat.isDirectory() };
  if (!fs.lstatSync(keluar).isSymbolicLink()) return { jalur: keluar, langsung: false };
  // a regular file behind a link: replaced beside itself, unless its path cannot be named (an unlinked file)
  const jalur = fs.realpathSync(keluar);
  return fs.statSync(jalur, { throwIfNoEntry: false })?.ino === lewat.ino
    ? { jalur, langsung: false }
    : { jalur: keluar, langsung: true };
}

/**
 * The scratch file an output is written to before it takes its name (beside the file it lands in; in the temporary
 * folder for a pipe or a device); a failure's sentence names the output.
 */
export function namaSementara(keluar: string): string {
  const { jalur, langsung } = tujuan(keluar);
  return sementaraDari(langsung ? path.join(os.tmpdir(), `wksbm-${path.basename(keluar)}`) : jalur);
}

/** `x.xlsx.<pid>.tmp`: galat-sistem.ts names `x.xlsx` when a write to it fails. */
const sementaraDari = (jalur: string): string => `${jalur}.${process.pid}.tmp`;

/**
 * Makes `berkas` an owner-only file before anything is written into it: created 0600 when missing, an existing
 * file (say 0644 from an earlier run or another program) set to 0600. Writers that truncate keep the mode.
 */
export function siapkanBerkasPribadi(berkas: string): void {
  fs.closeSync(fs.openSync(berkas, 'a', 0o600));
  fs.chmodSync(berkas, 0o600);
}

/**
 * Writes `b` at the end of the open file `fd`; a failure (a full disk, a stick pulled out) names `berkas`, which
 * Node's error for a descriptor leaves out, so the user's sentence can name the file.
 */
export function tulisKe(fd: number, b: Buffer, berkas: string): void {
  try {
    fs.writeSync(fd, b);
  } catch (e) {
    throw denganBerkas(e, berkas);
  }
}

/** The error of a write to `berkas` made through a descriptor or a stream, given the file's name it lacks. */
export function denganBerkas(e: unknown, berkas: string): unknown {
  if (e instanceof Error && !('path' in e)) Object.assign(e, { path: berkas });
  return e;
}

/** A file written whole beside its name and not yet given it. */
export interface BerkasSiap {
  /** gives the file its name, replacing a file of that name only now */
  pasang(): void;
  /** removes it: the command did not finish */
  buang(): void;
}

/**
 * Writes `keluar` as `keluar.<pid>.tmp` (owner-only) through `tulis`, and returns it ready to be given its name. A
 * failure (a full disk) removes the half-written copy and names the file, so no cut-short file is left and an earlier
 * file of that name is untouched.
 */
export async function tulisSementara(
  keluar: string,
  tulis: (sementara: string) => void | Promise<void>,
): Promise<BerkasSiap> {
  // a folder of that name would refuse the rename only at the end, after the command's work is kept
  periksaKeluaran(keluar);
  // a pipe or a device (`--csv /dev/stdout | …`) is written as it is
  const { jalur, langsung } = tujuan(keluar);
  if (langsung) {
    await tulis(keluar);
    return { pasang() {}, buang() {} };
  }
  const sementara = sementaraDari(jalur);
  const buang = () => fs.rmSync(sementara, { force: true });
  try {
    siapkanBerkasPribadi(sementara);
    await tulis(sementara);
  } catch (e) {
    buang();
    // writeFileSync and exceljs's stream fail on a descriptor, whose error names no file
    throw denganBerkas(e, sementara);
  }
  return {
    pasang() {
      try {
        fs.renameSync(sementara, jalur);
      } catch (e) {
        buang();
        throw e;
      }
    },
    buang,
  };
}

/** Text written owner-only, whole or not at all. */
export async function simpanTeksPribadi(keluar: string, teks: string): Promise<void> {
  (await tulisSementara(keluar, (sementara) => fs.writeFileSync(sementara, teks))).pasang();
}
