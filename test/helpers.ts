// Shared test helpers: a temp folder per test, the real binary, and a raw look into the file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'wksbm.js');

export interface Hasil {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export function tmpDir(prefix = 'wksbm-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs the built binary with no terminal (stdin is a pipe), the fixed clock, and the given ledger file. */
export function wksbm(db: string | null, args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Hasil {
  const r = spawnSync(process.execPath, [BIN, ...(db === null ? [] : ['--db', db]), ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd,
    env: { ...process.env, WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1', ...opts.env },
  });
  return {
    code: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json() {
      return JSON.parse(r.stdout);
    },
  };
}

export const PROFIL_DEMO = ['--nama', 'Ngudi Mulyo', '--padukuhan', 'Jetis', '--kalurahan', 'Sumberagung', '--kapanewon', 'Jetis', '--ketua', 'Sukardi', '--sekretaris', 'Wartini', '--bendahara', 'Siti Aminah', '--lurah', 'Suharjo'];

/** A fresh unit in a temp folder; returns the ledger path. */
export function unitBaru(): string {
  const db = path.join(tmpDir(), 'unit.sqlite');
  const r = wksbm(db, ['init', ...PROFIL_DEMO]);
  if (r.code !== 0) throw new Error(`init gagal: ${r.stderr}`);
  return db;
}

/** Every row of every table, to prove a refused command changed nothing. */
export function snapshot(db: string): string {
  const s = new Database(db, { readonly: true });
  try {
    const tables = (s.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return JSON.stringify(tables.map((t) => [t, s.prepare(`SELECT * FROM "${t}"`).raw().all()]));
  } finally {
    s.close();
  }
}

export function sqlite(db: string): Database.Database {
  return new Database(db);
}

export interface HasilPty {
  output: string;
  code: number | null;
  waiting_for?: string;
}

/** Runs the real binary in a pseudo-terminal (test/pty/drive.py), typing `keys` whenever `pattern` shows. */
export function wksbmPty(db: string, args: string[], steps: [string, string][]): HasilPty {
  const spec = {
    cmd: [process.execPath, BIN, '--db', db, ...args],
    env: { WKSBM_HARI_INI: '2026-11-22', TERM: 'xterm', COLUMNS: '100', LINES: '40' },
    steps,
  };
  const r = spawnSync('python3', [path.join(ROOT, 'test', 'pty', 'drive.py'), JSON.stringify(spec)], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`drive.py gagal: ${r.stderr}`);
  return JSON.parse(r.stdout) as HasilPty;
}
