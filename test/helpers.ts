// Shared test helpers: a temp folder per test, the CLI in-process (argv and io in, exit code and
// output out), the real binary where a process matters, and a raw look into the file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Chalk } from 'chalk';
import { expect, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Io } from '../src/cli/output.js';
import type { Prompter } from '../src/cli/prompter.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BIN = path.join(ROOT, 'bin', 'wksbm.js');

/** What every run sees unless a test says otherwise: the fixed clock and no colour. */
const ENV_TES = { WKSBM_HARI_INI: '2026-11-22', NO_COLOR: '1' };

export interface Hasil {
  code: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

export interface Opsi {
  /** set for this run only (undefined removes the variable) */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export function tmpDir(prefix = 'wksbm-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function hasil(code: number, stdout: string, stderr: string): Hasil {
  return {
    code,
    stdout,
    stderr,
    json() {
      return JSON.parse(stdout);
    },
  };
}

/**
 * Collects output exactly as the binary's processIo writes it: every write ends with a newline, no colour, not a
 * terminal.
 */
export function captureIo(): { io: Io; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const baris = (t: string) => (t.endsWith('\n') ? t : t + '\n');
  return {
    out,
    err,
    io: { out: (t) => void out.push(baris(t)), err: (t) => void err.push(baris(t)), color: new Chalk({ level: 0 }) },
  };
}

// process.env and the working folder belong to the whole process: one in-process run at a time.
let antrean: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in-process through `main()` (src/cli/main.ts, the entry the bundle is built from),
 * with the fixed clock and the given ledger file. Stdin is not a terminal unless `prompter` is given
 * (then it is one, and --no-input still turns prompts off). `env` and `cwd` apply to this run only.
 */
export function wksbm(db: string | null, args: string[], opts: Opsi & { prompter?: Prompter } = {}): Promise<Hasil> {
  const giliran = antrean.then(() => jalankan(db, args, opts));
  antrean = giliran.catch(() => undefined);
  return giliran;
}

async function jalankan(db: string | null, args: string[], opts: Opsi & { prompter?: Prompter }): Promise<Hasil> {
  const { io, out, err } = captureIo();
  const argv = ['node', 'wksbm', ...(db === null ? [] : ['--db', db]), ...args];
  const env = { ...ENV_TES, ...opts.env };
  const sebelum = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const cwd = process.cwd();
  const pakai = (nilai: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(nilai)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const berkas = db === null ? null : path.resolve(opts.cwd ?? process.cwd(), db);
  const terbukaSebelum = berkas === null ? 0 : terbuka(berkas);
  let code: number;
  try {
    pakai(env);
    if (opts.cwd) process.chdir(opts.cwd);
    code = await main(argv, { io, prompter: opts.prompter, interactive: opts.prompter !== undefined });
  } finally {
    process.chdir(cwd);
    pakai(sebelum);
  }
  // A command that leaves its ledger open would hold the file in every later test (and its temp folder).
  if (berkas !== null && terbuka(berkas) > terbukaSebelum)
    throw new Error(`wksbm ${args.join(' ')}: berkas buku masih terbuka setelah perintah selesai (${db})`);
  return hasil(code, out.join(''), err.join(''));
}

/** How many file descriptors of this process point at `file` (Linux /proc; 0 where there is none). */
export function terbuka(file: string): number {
  let fds: string[];
  let target: string;
  try {
    fds = fs.readdirSync('/proc/self/fd');
    target = fs.realpathSync(file);
  } catch {
    return 0;
  }
  let n = 0;
  for (const fd of fds) {
    try {
      if (fs.readlinkSync(`/proc/self/fd/${fd}`) === target) n++;
    } catch {
      /* closed meanwhile */
    }
  }
  return n;
}

/**
 * Runs the built binary (bin/wksbm.js → dist/bundle/) with stdin a pipe, not a terminal: for what needs a real process.
 */
export function wksbmBin(
  db: string | null,
  args: string[],
  opts: Opsi & { input?: string /** ms before the binary is killed */; timeout?: number } = {},
): Hasil {
  const r = spawnSync(process.execPath, [BIN, ...(db === null ? [] : ['--db', db]), ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    cwd: opts.cwd,
    env: { ...process.env, ...ENV_TES, ...opts.env },
    // a binary waiting for input it will never get fails the test instead of hanging it
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 1 << 28,
  });
  return hasil(r.status ?? -1, r.stdout, r.stderr);
}

export const PROFIL_DEMO = [
  '--nama',
  'Ngudi Mulyo',
  '--padukuhan',
  'Jetis',
  '--kalurahan',
  'Sumberagung',
  '--kapanewon',
  'Jetis',
  '--ketua',
  'Sukardi',
  '--sekretaris',
  'Wartini',
  '--bendahara',
  'Siti Aminah',
  '--lurah',
  'Suharjo',
];

/** A fresh unit in a temp folder; returns the ledger path. */
export async function unitBaru(): Promise<string> {
  const db = path.join(tmpDir(), 'unit.sqlite');
  const r = await wksbm(db, ['init', ...PROFIL_DEMO]);
  if (r.code !== 0) throw new Error(`init gagal: ${r.stderr}`);
  return db;
}

/** Every row of every table, to prove a refused command changed nothing. */
/**
 * A copy of a zip whose members named by `cocok` state `ukuran` as their inflated size (central directory and local
 * header), their data unchanged: a member that inflates past what it states, or one stating more than the reader
 * takes ("zip bomb").
 */
export function ukuranZipDiubah(buf: Buffer, cocok: (nama: string) => boolean, ukuran: number): Buffer {
  const out = Buffer.from(buf);
  for (let i = out.indexOf('PK\x01\x02', 0, 'latin1'); i >= 0; i = out.indexOf('PK\x01\x02', i + 4, 'latin1')) {
    const nama = out.toString('utf8', i + 46, i + 46 + out.readUInt16LE(i + 28));
    if (!cocok(nama)) continue;
    out.writeUInt32LE(ukuran, i + 24);
    out.writeUInt32LE(ukuran, out.readUInt32LE(i + 42) + 22);
  }
  return out;
}

export function snapshot(db: string): string {
  const s = new Database(db, { readonly: true });
  try {
    const tables = (
      s.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((t) => t.name);
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
/** The prompt library's own English words; none may reach the treasurer's screen. */
export const INGGRIS = /\b(Yes|No|navigate|select|submit|invert|all|You must|disabled)\b/;

export function wksbmPty(db: string, args: string[], steps: [string, string][]): HasilPty {
  const spec = {
    cmd: [process.execPath, BIN, '--db', db, ...args],
    env: { WKSBM_HARI_INI: '2026-11-22', TERM: 'xterm', COLUMNS: '100', LINES: '40' },
    steps,
  };
  const r = spawnSync('python3', [path.join(ROOT, 'test', 'pty', 'drive.py'), JSON.stringify(spec)], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`drive.py gagal: ${r.stderr}`);
  return JSON.parse(r.stdout) as HasilPty;
}

/** Runs a command that must succeed: exit 0, or the test fails naming the command and its stderr. */
export async function ok(db: string, args: string[], env?: Record<string, string>): Promise<Hasil> {
  const r = await wksbm(db, args, { env });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r;
}

/** Runs a command that must be refused with exit 2, one line on stderr, and every table left as it was. */
export async function refused(db: string, args: string[], message: RegExp): Promise<Hasil> {
  const before = snapshot(db);
  const r = await wksbm(db, args);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(snapshot(db)).toBe(before);
  return r;
}

/** Runs `f` while the spies stand in for what they mock, and restores them whatever happens. */
export async function selama<T>(
  spy: { mockRestore(): void } | { mockRestore(): void }[],
  f: () => Promise<T>,
): Promise<T> {
  try {
    return await f();
  } finally {
    for (const s of Array.isArray(spy) ? spy : [spy]) s.mockRestore();
  }
}

/**
 * SQLite's error `kode` (with its English `teks`), given in this process by every statement whose text starts with
 * `awal` until `mockRestore()`. `gulung`: SQLite has also rolled the open transaction back, as it may on a full disk.
 */
export function sqliteMenolakPada(awal: string, kode: string, teks: string, { gulung = false } = {}) {
  const prepare = Database.prototype.prepare;
  return vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql: string) {
    if (!sql.trimStart().startsWith(awal)) return prepare.call(this, sql);
    const tolak = () => {
      if (gulung && this.inTransaction) this.exec('ROLLBACK');
      throw new Database.SqliteError(teks, kode);
    };
    return { reader: false, run: tolak, all: tolak, iterate: tolak, get: tolak } as unknown as Database.Statement;
  });
}

/** SQLite's answer when the disk is full, at every statement whose text starts with `awal` (sqliteMenolakPada). */
export function diskPenuhPada(awal: string, { gulung = false } = {}) {
  return sqliteMenolakPada(awal, 'SQLITE_FULL', 'database or disk is full', { gulung });
}
