// Copies of the ledger through SQLite's backup API, and what a copy holds, checked before it is trusted.
import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Ledger } from './connection.js';
import { bukaSqlite } from './sqlite.js';

/** The copy is created owner-only before SQLite writes into it: personal data is never readable by others. */
export async function backupLedger(ledger: Ledger, tujuan: string): Promise<void> {
  await salinKe(ledger.sqlite, tujuan);
}

/** A copy of a (checked) backup file, through SQLite so that a WAL beside it is included. */
export async function salinBerkas(sumber: string, tujuan: string): Promise<void> {
  const s = bukaSqlite(sumber, { readonly: true, fileMustExist: true });
  try {
    await salinKe(s, tujuan);
  } finally {
    s.close();
  }
}

async function salinKe(sqlite: BetterSqlite3.Database, tujuan: string): Promise<void> {
  fs.rmSync(tujuan, { force: true });
  fs.closeSync(fs.openSync(tujuan, 'wx', 0o600));
  await sqlite.backup(tujuan);
  // a copy in rollback mode opens read-only without leaving -wal and -shm files beside it
  const salinan = bukaSqlite(tujuan, { fileMustExist: true });
  try {
    salinan.pragma('journal_mode = DELETE');
  } finally {
    salinan.close();
  }
  fs.chmodSync(tujuan, 0o600);
}

/** SQLite's integrity findings ("ok" left out); a read that fails on damage is itself a finding. */
export function integritas(sqlite: BetterSqlite3.Database): string[] {
  try {
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  } catch (err) {
    return [(err as Error).message];
  }
}

/** Rows in every table of our schema (SQLite's own tables left out). */
export function jumlahBaris(sqlite: BetterSqlite3.Database): Record<string, number> {
  const tabel = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tabel.map((t) => {
      const r = sqlite.prepare(`SELECT count(*) AS n FROM "${t.name.replace(/"/g, '""')}"`).get() as { n: number };
      return [t.name, r.n];
    }),
  );
}

export function jumlahBarisLedger(ledger: Ledger): Record<string, number> {
  return jumlahBaris(ledger.sqlite);
}

export function integritasLedger(ledger: Ledger): string[] {
  return integritas(ledger.sqlite);
}

export interface IsiSalinan {
  /** integrity check passed and the tables of a WKSBM ledger are there */
  sah: boolean;
  temuan: string[];
  baris: Record<string, number>;
  kas: number;
  buktiTerakhir: string | null;
}

const TABEL_WAJIB = ['migrasi', 'profil', 'kas'];

/** Opens a copy read-only, checks it and counts what it holds; never throws for a bad copy, always closes. */
export function periksaSalinan(berkas: string): IsiSalinan {
  let s: BetterSqlite3.Database | undefined;
  try {
    s = bukaSqlite(berkas, { readonly: true, fileMustExist: true });
    const temuan = integritas(s);
    if (temuan.length) return { sah: false, temuan, baris: {}, kas: 0, buktiTerakhir: null };
    const baris = jumlahBaris(s);
    const kurang = TABEL_WAJIB.filter((t) => !(t in baris));
    const temuanTabel = kurang.map((t) => `tabel ${t} tidak ada`);
    if (kurang.length) return { sah: false, temuan: temuanTabel, baris, kas: 0, buktiTerakhir: null };
    const akhir = s.prepare('SELECT nomor FROM kas ORDER BY id DESC LIMIT 1').get() as { nomor: string } | undefined;
    return { sah: true, temuan: [], baris, kas: baris.kas ?? 0, buktiTerakhir: akhir?.nomor ?? null };
  } catch (err) {
    return { sah: false, temuan: [(err as Error).message], baris: {}, kas: 0, buktiTerakhir: null };
  } finally {
    s?.close();
  }
}
