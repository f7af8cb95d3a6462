// Where the rows of a bulk cash run go. On the caller's connection (kasLangsung: reversing an import,
// in-memory files, tests), or to a writer thread holding the import's transaction (bukaPenulisKas),
// so checking a row and inserting one run on both cores: on one core each costs about 10 µs, side
// by side the import takes the longer of the two instead of their sum.

import type { Worker as WorkerType } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import type { Hitungan } from './impor-repo.js';
import type { DariPenulis, DataPenulis, GalatPenulis, KePenulis } from './kas-penulis.js';
import type { Kas } from './kas-repo.js';
import type { PenyisipRegister } from './register-massal.js';
import {
  KOLOM_BERUBAH,
  KOLOM_TETAP,
  kasInserter,
  type LogImpor,
  pushBerubah,
  tulisSaldoHarian,
} from './tulis-massal.js';
import type { SaldoHarianRow } from './types.js';

/** A bulk run's rows, as they are decided; then, once, the day totals the run changed. */
export interface TujuanKas {
  /** queues one posted row; throws the first write error seen so far */
  tulis(row: Kas): void;
  /** after the last row: writes what is still queued and the run's `saldo_harian` rows */
  akhiri(saldo: readonly SaldoHarianRow[]): void;
}

/** Rows written on this connection, inside the caller's transaction. */
export function kasLangsung(sqlite: BetterSqlite3.Database): TujuanKas {
  const sisip = kasInserter(sqlite);
  return {
    tulis: sisip.tulis,
    akhiri(saldo) {
      sisip.akhiri();
      tulisSaldoHarian(sqlite, saldo);
    },
  };
}

export interface PenulisKas extends TujuanKas {
  imporId: number;
  /** hands the queued rows to the worker now */
  kirim(): void;
  /** writes the counts and commits; throws if any write failed (then nothing is kept) */
  commit(h: Hitungan): Promise<void>;
  rollback(): Promise<void>;
}

/** rows per message; the main thread waits when this many batches are queued and not yet written */
const LOT = 2000;
const ANTRE_MAKS = 8;

/**
 * The writer thread's module: beside this one in the tsc output (dist/db/) and in the bundle, where
 * scripts/bundle.js builds it as its own entry point (dist/bundle/kas-penulis.js). Running from the
 * TypeScript sources (vitest) there is no JavaScript worker to start: undefined, and the caller
 * writes in-thread. A built program missing the file fails the import loudly instead.
 */
export function modulPenulis(): URL | undefined {
  return import.meta.url.endsWith('.ts') ? undefined : new URL('./kas-penulis.js', import.meta.url);
}

function galatDari(g: GalatPenulis): Error {
  const e = new Error(g.message) as Error & { code?: string };
  if (g.name) e.name = g.name;
  if (g.code) e.code = g.code;
  return e;
}

/** The worker's side of an import as the main thread sees it: messages posted, the queue kept bounded. */
interface Saluran {
  imporId: number;
  /** posts a batch; waits while the worker is more than ANTRE_MAKS batches behind; throws its first error */
  kirim(m: KePenulis): void;
  /** the worker's first error, if any */
  galat(): Error | undefined;
  /** posts commit or rollback once, waits for the answer and ends the worker */
  tutup(m: KePenulis): Promise<void>;
}

/** Starts the writer thread and resolves once it holds the import's transaction and has logged the import. */
function bukaSaluran(modul: URL, workerData: Omit<DataPenulis, 'selesai'>): Promise<Saluran> {
  return mulaiSaluran(modul, workerData).saluran();
}

/**
 * Starts the writer thread now. Given the import's log in workerData it logs the import at once; without it
 * (`saluran(log)` sends it later) the thread starts up and opens the file while this thread reads the import's
 * file, and takes the lock only then. `hentikan` ends a thread never given its log (the file was refused).
 */
function mulaiSaluran(
  modul: URL,
  workerData: Omit<DataPenulis, 'selesai'>,
): { saluran(log?: LogImpor): Promise<Saluran>; hentikan(): Promise<void> } {
  const selesaiBuf = new SharedArrayBuffer(4);
  const selesai = new Int32Array(selesaiBuf);
  // loaded here, not at start-up: worker_threads brings a dozen internal modules only an import needs
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker: WorkerType = new Worker(modul, {
    workerData: { ...workerData, selesai: selesaiBuf } satisfies DataPenulis,
  });
  let galat: Error | undefined;
  let tunggu: ((m: DariPenulis) => void) | undefined;
  const jawab = (m: DariPenulis) => {
    const t = tunggu;
    tunggu = undefined;
    t?.(m);
  };
  worker.on('message', (m: DariPenulis) => {
    if ('galat' in m) galat ??= galatDari(m.galat);
    jawab(m);
  });
  worker.on('error', (e) => {
    galat ??= e;
    jawab({ galat: { message: e.message } });
  });
  const balasan = () => new Promise<DariPenulis>((res) => (tunggu = res));
  // the thread's first answer (its import's id, or the error that stopped it), awaited once the log is sent
  const pertama = balasan();
  return {
    async saluran(log) {
      if (log) worker.postMessage({ mulai: log } satisfies KePenulis);
      const awal = await pertama;
      if (!('id' in awal)) {
        await worker.terminate();
        throw galat ?? new Error('penulis impor gagal dibuka');
      }
      return salurkan(worker, awal.id, selesai, () => galat, balasan);
    },
    async hentikan() {
      await worker.terminate();
    },
  };
}

/** The open channel to a writer thread that holds the import's transaction. */
function salurkan(
  worker: WorkerType,
  imporId: number,
  selesai: Int32Array,
  galatPenulis: () => Error | undefined,
  balasan: () => Promise<DariPenulis>,
): Saluran {
  let dikirim = 0;
  let tertutup = false;
  return {
    imporId,
    galat: galatPenulis,
    kirim(m) {
      worker.postMessage(m);
      dikirim++;
      // keep memory bounded: wait while the worker is more than ANTRE_MAKS batches behind
      for (let s = Atomics.load(selesai, 0), diam = 0; dikirim - s > ANTRE_MAKS; s = Atomics.load(selesai, 0)) {
        if (Atomics.wait(selesai, 0, s, 1000) === 'timed-out' && ++diam > 120)
          throw new Error('penulis impor berhenti menjawab');
      }
      const galat = galatPenulis();
      if (galat) throw galat;
    },
    async tutup(m) {
      if (tertutup) return;
      tertutup = true;
      const b = balasan();
      worker.postMessage(m);
      const jawaban = await b;
      await worker.terminate();
      if ('galat' in jawaban) throw galatPenulis() ?? galatDari(jawaban.galat);
    },
  };
}

/**
 * Opens a cash import's transaction in a worker and logs the import there; resolves once the lock is held.
 * `perkiraan`: about how many rows the file holds (never fewer), for tundaIndeksKas.
 */
export async function bukaPenulisKas(modul: URL, berkas: string, impor: LogImpor, perkiraan = 0): Promise<PenulisKas> {
  const saluran = await bukaSaluran(modul, { berkas, impor, perkiraan });
  let lot: unknown[] = [];
  let tetap: unknown[] = [];
  let sebelum = '';
  let terakhir = '';
  let saldo: readonly SaldoHarianRow[] = [];
  const kirim = () => {
    if (!lot.length) return;
    const m = { lot, tetap, sebelum };
    lot = [];
    saluran.kirim(m);
  };
  // a batch shares hash_sebelum's chain and the KOLOM_TETAP values; a row that differs starts a new one
  const samaTetap = (r: Kas) => {
    if (r.hash_sebelum !== terakhir) return false;
    for (let c = 0; c < KOLOM_TETAP.length; c++) if (r[KOLOM_TETAP[c]!] !== tetap[c]) return false;
    return true;
  };
  return {
    imporId: saluran.imporId,
    kirim,
    tulis(r) {
      const galat = saluran.galat();
      if (galat) throw galat;
      if (!lot.length || !samaTetap(r)) {
        kirim();
        tetap = KOLOM_TETAP.map((k) => r[k]);
        sebelum = r.hash_sebelum;
      }
      pushBerubah(lot, r);
      terakhir = r.hash;
      if (lot.length >= LOT * KOLOM_BERUBAH.length) kirim();
    },
    akhiri(s) {
      kirim();
      saldo = s;
    },
    async commit(h) {
      kirim();
      await saluran.tutup({ commit: h, saldo: [...saldo] });
    },
    async rollback() {
      lot = [];
      await saluran.tutup({ rollback: true });
    },
  };
}

export interface PenulisRegister {
  imporId: number;
  /** the rows, as the register's inserter takes them (values in the order of `kolom`) */
  penyisip: PenyisipRegister;
  /** hands the queued rows to the worker now */
  kirim(): void;
  /** writes the counts and commits; throws if any write failed (then nothing is kept) */
  commit(h: Hitungan): Promise<void>;
  rollback(): Promise<void>;
}

/**
 * A register import's transaction in a worker (the same thread module as the cash import's). This thread reads and
 * checks the rows and sends each new one's values as read (in the order of `kolom`); the worker numbers them, gives
 * them their uid and stored values, inserts them and journals them in lots (registerInserter), beside this thread.
 */
export async function bukaPenulisRegister(
  modul: URL,
  berkas: string,
  impor: LogImpor,
  register: RegisterImpor,
): Promise<PenulisRegister> {
  return siagakanPenulisRegister(modul, berkas, register).buka(impor);
}

/** A register import's table and the columns of each row's values. */
export interface RegisterImpor {
  tabel: string;
  kolom: string[];
}

/** A register import's writer thread started before its file is read; `buka` gives it the import's log. */
export interface PenulisSiaga {
  buka(impor: LogImpor): Promise<PenulisRegister>;
  /** ends the thread when the import stops before `buka` (a refused file): nothing was written */
  batal(): Promise<void>;
}

/**
 * Starts a register import's writer thread at once: it starts up and opens the unit while this thread reads the
 * file and finds its header, instead of after (its start-up is most of a large import's first tenth of a second).
 */
export function siagakanPenulisRegister(modul: URL, berkas: string, register: RegisterImpor): PenulisSiaga {
  const mulai = mulaiSaluran(modul, { berkas, perkiraan: 0, register });
  return {
    async buka(impor) {
      return penulisRegister(await mulai.saluran(impor), register.kolom.length);
    },
    batal: mulai.hentikan,
  };
}

/** rows per message of a register import */
const BARIS_KIRIM = 1024;

/**
 * The rows' values as read, `lebar` to a row, one flat array of BARIS_KIRIM rows to a message. `kirim` sends the
 * rows queued so far at once.
 */
function penulisRegister(saluran: Saluran, lebar: number): PenulisRegister {
  let antre: unknown[] = [];
  const kirim = () => {
    if (!antre.length) return;
    const register = antre;
    antre = [];
    saluran.kirim({ register });
  };
  return {
    imporId: saluran.imporId,
    kirim,
    penyisip: {
      tulis(nilai, dari = 0) {
        for (let c = 0; c < lebar; c++) antre.push(nilai[dari + c]);
        if (antre.length >= BARIS_KIRIM * lebar) kirim();
      },
      akhiri: kirim,
    },
    async commit(h) {
      kirim();
      await saluran.tutup({ commit: h, saldo: [] });
    },
    async rollback() {
      antre = [];
      await saluran.tutup({ rollback: true });
    },
  };
}
