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
