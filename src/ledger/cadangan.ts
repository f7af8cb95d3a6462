// Backups of the ledger file: a dated copy in a folder beside it, checked before it counts, and the
// way back (`pulihkan`). A damaged ledger is never copied, and the newest good copy is never removed.
import fs from 'node:fs';
import path from 'node:path';
import { backupLedger, integritasLedger, jumlahBarisLedger, periksaSalinan, salinBerkas } from '../db/cadangan.js';
import type { Ledger } from '../db/connection.js';
import { galatPenuh, kodeGalat } from '../db/galat.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { pass, type RuleResult, refuse } from '../domain/rule.js';

/** How many backups to keep: a whole number, at least one. */
export function jumlahSimpan(raw: string): RuleResult<number> {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? pass(n) : refuse(new UserError(pesan.simpanTidakSah(raw)));
}

export interface Cadangan {
  berkas: string;
  dihapus: string[];
}

/** Where backups go unless told: `cadangan/` beside the ledger file. */
export function folderCadangan(berkasBuku: string, folder?: string): string {
  return folder ?? path.join(path.dirname(path.resolve(berkasBuku)), 'cadangan');
}

function dasarNama(berkasBuku: string): string {
  return path.basename(berkasBuku).replace(/\.sqlite$/, '');
}

/** The backups of this ledger in `folder`, newest first (names carry the time; a same-second copy gets -2, -3). */
function daftarBerkas(folder: string, dasar: string): string[] {
  if (!fs.existsSync(folder)) return [];
  const pola = new RegExp(`^${dasar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{8}-\\d{6}(-\\d+)?\\.sqlite$`);
  const kunci = (f: string) => {
    const m = /-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite$/.exec(f)!;
    return `${m[1]}${m[2]}${(m[3] ?? '1').padStart(6, '0')}`;
  };
  return fs
    .readdirSync(folder)
    .filter((f) => pola.test(f))
    .sort((a, b) => kunci(b).localeCompare(kunci(a)))
    .map((f) => path.join(folder, f));
}

/**
 * Copies the ledger to `<folder>/<name>-YYYYMMDD-HHMMSS.sqlite` after SQLite's integrity check, checks the
 * copy (integrity, same rows in every table), then, when `simpan` is given, keeps the newest `simpan` good
 * copies: the copy just made counts, a newer copy that fails its check is kept but not counted, and only
 * copies older than the `simpan`-th good one are removed.
 */
export async function buatCadangan(ledger: Ledger, o: { folder?: string; simpan?: number }): Promise<Cadangan> {
  if (integritasLedger(ledger).length) throw new LedgerError(pesan.cadanganDitolakRusak(ledger.path));
  const folder = folderCadangan(ledger.path, o.folder);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const dasar = dasarNama(ledger.path);
  const cap = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let tujuan = path.join(folder, `${dasar}-${cap}.sqlite`);
  for (let i = 2; fs.existsSync(tujuan); i++) tujuan = path.join(folder, `${dasar}-${cap}-${i}.sqlite`);
  const buang = () => {
    for (const f of [tujuan, `${tujuan}-wal`, `${tujuan}-shm`]) fs.rmSync(f, { force: true });
  };
  try {
    await backupLedger(ledger, tujuan);
  } catch (err) {
    // a copy cut short never stays among the good ones (it would count, and push a good one out)
    buang();
    throw galatPenuh(err) || kodeGalat(err) === 'ENOSPC' ? new LedgerError(pesan.cadanganDiskPenuh(tujuan)) : err;
  }
  const isi = periksaSalinan(tujuan);
  if (!isi.sah || JSON.stringify(isi.baris) !== JSON.stringify(jumlahBarisLedger(ledger))) {
    buang();
    throw new LedgerError(pesan.cadanganTidakUtuh(tujuan));
  }
  const dihapus: string[] = [];
  if (o.simpan !== undefined) {
    let baik = 0;
    for (const f of daftarBerkas(folder, dasar)) {
      if (baik < o.simpan || f === tujuan) {
        if (f === tujuan || periksaSalinan(f).sah) baik++;
        continue;
      }
      // older than the newest `simpan` good copies: not needed any more, whatever their state
      for (const x of [f, `${f}-wal`, `${f}-shm`]) fs.rmSync(x, { force: true });
      dihapus.push(path.basename(f));
    }
  }
  return { berkas: tujuan, dihapus };
}

export interface InfoCadangan {
  berkas: string;
  waktu: string;
  ukuran: number;
  sah: boolean;
  kas: number;
  bukti_terakhir: string | null;
}

/** The backups of the ledger, newest first, each opened and checked. */
export function daftarCadangan(berkasBuku: string, folder?: string): { folder: string; cadangan: InfoCadangan[] } {
  const f = folderCadangan(berkasBuku, folder);
  const cadangan = daftarBerkas(f, dasarNama(berkasBuku)).map((berkas) => {
    const st = fs.statSync(berkas);
    const isi = periksaSalinan(berkas);
    const waktu = st.mtime.toISOString();
    return { berkas, waktu, ukuran: st.size, sah: isi.sah, kas: isi.kas, bukti_terakhir: isi.buktiTerakhir };
  });
  return { folder: f, cadangan };
}

/** Refuses a copy that is damaged or not a WKSBM ledger, before anything is touched. */
export function salinanSah(salinan: string): RuleResult<string> {
  const jenis = fs.statSync(salinan, { throwIfNoEntry: false });
  if (!jenis) return refuse(new UserError(pesan.berkasTidakTerbaca(salinan)));
  // SQLite reads a backup by seeking in it: a pipe (`cat … | wksbm pulihkan /dev/stdin`) is no backup file
  if (!jenis.isFile() && !jenis.isDirectory()) return refuse(new UserError(pesan.salinanBukanBerkas(salinan)));
  return periksaSalinan(salinan).sah ? pass(salinan) : refuse(new LedgerError(pesan.salinanTidakSah(salinan)));
}

/**
 * Puts a checked copy in place of the ledger file. The current file (with its WAL) is kept beside it as
 * `<name>.sebelum-pulihkan-<time>`, owner-only; the copy is written to a private temp file and renamed in.
 */
export async function pulihkan(berkasBuku: string, salinan: string): Promise<{ lama: string | null }> {
  const cek = periksaSalinan(salinan);
  if (!cek.sah) throw new LedgerError(pesan.salinanTidakSah(salinan));
  const sementara = `${berkasBuku}.pulihkan-sementara`;
  try {
    await salinBerkas(salinan, sementara);
  } catch (err) {
    // the book is not touched yet: only the copy cut short (a full disk) is removed
    fs.rmSync(sementara, { force: true });
    throw err;
  }
  if (!periksaSalinan(sementara).sah) {
    fs.rmSync(sementara, { force: true });
    throw new LedgerError(pesan.salinanTidakSah(salinan));
  }
  let lama: string | null = null;
  if (fs.existsSync(berkasBuku)) {
    lama = `${berkasBuku}.sebelum-pulihkan-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(berkasBuku, lama);
    fs.chmodSync(lama, 0o600);
    if (fs.existsSync(`${berkasBuku}-wal`)) {
      fs.renameSync(`${berkasBuku}-wal`, `${lama}-wal`);
      fs.chmodSync(`${lama}-wal`, 0o600);
    }
  }
  fs.rmSync(`${berkasBuku}-shm`, { force: true });
  fs.renameSync(sementara, berkasBuku);
  return { lama };
}

/** The backup files of the ledger in the usual folder, unopened (they may hold data the ledger no longer has). */
export function berkasCadangan(berkasBuku: string): string[] {
  return daftarBerkas(folderCadangan(berkasBuku), dasarNama(berkasBuku));
}
