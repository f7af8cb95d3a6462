// node:crypto, loaded at the first hash instead of at start-up: about 5 ms of CPU (twenty internal
// modules) that a command which hashes nothing (`kas saldo`, `laporan --json`) does not pay. The same
// functions, so the same digests.
import type * as Crypto from 'node:crypto';

type HashSekali = (algoritma: string, data: string, enkode: 'hex') => string;

let modul: typeof Crypto | undefined;
const kripto = (): typeof Crypto => {
  modul ??= process.getBuiltinModule('node:crypto');
  return modul;
};

export const createHash = (algoritma: string): Crypto.Hash => kripto().createHash(algoritma);
export const randomUUID = (): string => kripto().randomUUID();
export const randomFillSync = (buf: Uint8Array): Uint8Array => kripto().randomFillSync(buf);
/** `crypto.hash`, one call for a short text (Node ≥ 20.12), or undefined where it is missing. */
export const hashSekali = (): HashSekali | undefined => (kripto() as unknown as { hash?: HashSekali }).hash;
