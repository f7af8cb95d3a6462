// A file or folder the system refused (a folder that does not exist, no permission, a full disk): one
// Indonesian sentence naming the path the user gave, instead of Node's English `ENOENT: no such file…`.
import path from 'node:path';
import { pesan } from '../domain/pesan.js';

interface GalatBerkas {
  code: string;
  path?: string;
}

const KALIMAT: Record<string, (berkas: string, folder: string) => string> = {
  ENOENT: pesan.berkasTakAdaFolder,
  ENOTDIR: pesan.berkasTakAdaFolder,
  EISDIR: pesan.berkasAdalahFolder,
  // a socket or a device that cannot be opened by name (`-o /dev/stdout` when stdout is a socket)
  ENXIO: pesan.berkasBukanTujuan,
  EACCES: pesan.berkasTanpaIzin,
  EPERM: pesan.berkasTanpaIzin,
  EROFS: pesan.berkasTanpaIzin,
  ENOSPC: pesan.diskPenuh,
  EDQUOT: pesan.diskPenuh,
};
/** a path the user chose and can mend; a full disk is a failure of the machine */
const SALAH_PAKAI = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENXIO', 'EACCES', 'EPERM', 'EROFS']);

function galatBerkas(err: unknown): GalatBerkas | undefined {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return undefined;
  return Object.hasOwn(KALIMAT, err.code) ? (err as Error & GalatBerkas) : undefined;
}

/** The sentence and exit code for a refused file, or undefined when `err` is something else. */
export function terjemahkanGalatBerkas(err: unknown): { kode: number; pesan: string } | undefined {
  const g = galatBerkas(err);
  if (!g) return undefined;
  // a file is written beside its name first (`x.xlsx.1234.tmp`, `x.xlsx.1234.tmp-2`): name the file the user asked for
  const berkas = (g.path ?? '').replace(/\.\d+\.tmp(-\d+)?$/, '');
  return { kode: SALAH_PAKAI.has(g.code) ? 2 : 1, pesan: KALIMAT[g.code]!(berkas, path.dirname(berkas)) };
}
