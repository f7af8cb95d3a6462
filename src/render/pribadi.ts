// Files the tool writes hold personal data (names, full NIKs in printed books and reject files): owner-only.
import fs from 'node:fs';

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
  if (fs.statSync(keluar, { throwIfNoEntry: false })?.isDirectory())
    throw Object.assign(new Error(`EISDIR: ${keluar}`), { code: 'EISDIR', path: keluar });
  const sementara = `${keluar}.${process.pid}.tmp`;
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
        fs.renameSync(sementara, keluar);
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
