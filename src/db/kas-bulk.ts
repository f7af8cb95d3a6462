// Writing a cash import on the second core: a worker thread holds the import's one transaction
// (BEGIN IMMEDIATE … COMMIT on its own connection to the same file) and inserts the rows the main
// thread has checked, numbered and chained, while the main thread reads and checks the next ones.
// On one core a million rows cost about 10 µs each to check and about 10 µs each to insert; side by
// side the import takes the longer of the two instead of their sum.
//
// Crash safety is the same as before: nothing is committed until COMMIT, so a killed process (main
// thread and worker die together) leaves the file as it was.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Hitungan } from './impor-repo.js';
import type { Kas } from './kas-repo.js';


const SQL_IMPOR = 'INSERT INTO impor (buku, berkas, sha256, dibaca, ditambah, sudah_ada, mungkin_ganda, ditolak, oleh, waktu) VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?, ?)';
const SQL_HITUNGAN = 'UPDATE impor SET dibaca = ?, ditambah = ?, sudah_ada = ?, mungkin_ganda = ?, ditolak = ? WHERE id = ?';
// What crosses to the worker is copied value by value, so a batch carries per row only what varies:
// the columns below, in this order; then once per batch the columns an import's rows share, and the
// first row's hash_sebelum (each next row's is the hash of the row before).
const KOLOM_BERUBAH = ['id', 'nomor', 'bukti', 'tahun', 'urut', 'arah', 'tanggal', 'jumlah', 'sumber', 'jenis', 'layanan', 'asnaf', 'dana', 'akun', 'donatur_id', 'uraian', 'hash'] as const;
const KOLOM_TETAP = ['akun_tujuan', 'kegiatan_id', 'batal_dari', 'alasan_batal', 'impor_id', 'dibuat'] as const;
const KOLOM_URUT = [...KOLOM_BERUBAH, ...KOLOM_TETAP, 'hash_sebelum'] as const;
/** the INSERT's head; the worker adds the VALUES, with a batch's shared columns written in as literals */
const SQL_KAS = `INSERT INTO kas (${KOLOM_URUT.join(', ')}) VALUES `;

/** rows per message; the main thread waits when this many batches are queued and not yet written */
const LOT = 2000;
const ANTRE_MAKS = 8;
/** rows per INSERT statement: one call and one statement run for 32 rows saves about 1 µs a row */
const SEKALIGUS = 32;

// Plain CommonJS run with `eval`: no separate file to find from the bundle, dist or the sources under test.
const KODE_PEKERJA = `
const { parentPort, workerData: w } = require('node:worker_threads');
const Database = require(w.modul);
const selesai = new Int32Array(w.selesai);
let db, ins, insB, galat, kunciTetap;
// A batch's shared columns (null, whole numbers, text) go into the statement as literals, so each row
// binds only what varies; anything else is bound like the rest.
const literal = (x) => x === null ? 'NULL' : typeof x === 'number' && Number.isSafeInteger(x) ? String(x) : typeof x === 'string' && !x.includes('\\u0000') ? "'" + x.replace(/'/g, "''") + "'" : undefined;
function siapkan(t) {
  const lit = t.map(literal);
  const kunci = lit.every((x) => x !== undefined) ? JSON.stringify(lit) : '?';
  if (kunci === kunciTetap) return kunci !== '?';
  const nilai = '(' + Array(w.lebar).fill('?').join(', ') + ', ' + (kunci === '?' ? t.map(() => '?') : lit).join(', ') + ', ?)';
  ins = db.prepare(w.sqlKas + nilai);
  insB = db.prepare(w.sqlKas + Array(w.sekaligus).fill(nilai).join(', '));
  kunciTetap = kunci;
  return kunci !== '?';
}
const lapor = (e) => ({ message: String(e && e.message || e), code: e && e.code, name: e && e.name });
try {
  db = new Database(w.berkas, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // a large import touches many pages; a bigger page cache keeps them from spilling to the WAL mid-transaction
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.exec('BEGIN IMMEDIATE');
  const id = Number(db.prepare(w.sqlImpor).run(...w.impor).lastInsertRowid);
  parentPort.postMessage({ id });
} catch (e) {
  galat = e;
  try { if (db && db.inTransaction) db.exec('ROLLBACK'); } catch {}
  parentPort.postMessage({ galat: lapor(e) });
}
parentPort.on('message', (m) => {
  if (m.baris) {
    if (!galat) {
      try {
        const v = m.baris, n = w.lebar, t = siapkan(m.tetap) ? [] : m.tetap, lebar = n + t.length + 1, B = w.sekaligus;
        const banyak = new Array(lebar * B), satu = new Array(lebar);
        let sebelum = m.sebelum;
        const isi = (row, o, i) => {
          for (let c = 0; c < n; c++) row[o + c] = v[i + c];
          for (let c = 0; c < t.length; c++) row[o + n + c] = t[c];
          row[o + lebar - 1] = sebelum;
          sebelum = v[i + n - 1];
        };
        let i = 0;
        for (; i + B * n <= v.length; i += B * n) {
          for (let b = 0; b < B; b++) isi(banyak, b * lebar, i + b * n);
          insB.run(banyak);
        }
        for (; i < v.length; i += n) {
          isi(satu, 0, i);
          ins.run(satu);
        }
      } catch (e) {
        galat = e;
        try { if (db.inTransaction) db.exec('ROLLBACK'); } catch {}
        parentPort.postMessage({ galat: lapor(e) });
      }
    }
    Atomics.add(selesai, 0, 1);
    Atomics.notify(selesai, 0);
    return;
  }
  try {
    if (m.commit && !galat) {
      db.prepare(w.sqlHitungan).run(...m.commit);
      db.exec('COMMIT');
    } else if (db && db.inTransaction) db.exec('ROLLBACK');
    if (db) db.close();
    parentPort.postMessage(galat && m.commit ? { galat: lapor(galat) } : { tutup: true });
  } catch (e) {
    try { if (db.inTransaction) db.exec('ROLLBACK'); db.close(); } catch {}
    parentPort.postMessage({ galat: lapor(e) });
  }
});
`;

export interface PenulisKas {
  imporId: number;
  /** queues one posted row; throws the first write error seen so far */
  tulis(row: Kas): void;
  /** hands the queued rows to the worker now */
  kirim(): void;
  /** writes the counts and commits; throws if any write failed (then nothing is kept) */
  commit(h: Hitungan): Promise<void>;
  rollback(): Promise<void>;
}

function galatDari(g: { message: string; code?: string; name?: string }): Error {
  const e = new Error(g.message) as Error & { code?: string };
  if (g.name) e.name = g.name;
  if (g.code) e.code = g.code;
  return e;
}

/** Opens the import's transaction in a worker and logs the import there; resolves once the lock is held. */
export async function bukaPenulisKas(berkas: string, impor: { buku: string; berkas: string; sha256: string; oleh: string; waktu: string }): Promise<PenulisKas> {
  const selesaiBuf = new SharedArrayBuffer(4);
  const selesai = new Int32Array(selesaiBuf);
  const worker = new Worker(KODE_PEKERJA, {
    eval: true,
    workerData: {
      modul: createRequire(import.meta.url).resolve('better-sqlite3'),
      berkas,
      selesai: selesaiBuf,
      lebar: KOLOM_BERUBAH.length,
      sekaligus: SEKALIGUS,
      sqlImpor: SQL_IMPOR,
      sqlKas: SQL_KAS,
      sqlHitungan: SQL_HITUNGAN,
      impor: [impor.buku, impor.berkas, impor.sha256, impor.oleh, impor.waktu],
    },
  });
  let galat: Error | undefined;
  let tunggu: ((m: { id?: number; tutup?: boolean; galat?: { message: string } }) => void) | undefined;
  worker.on('message', (m: { id?: number; tutup?: boolean; galat?: { message: string; code?: string; name?: string } }) => {
    if (m.galat) galat ??= galatDari(m.galat);
    const t = tunggu;
    tunggu = undefined;
    t?.(m);
  });
  worker.on('error', (e) => {
    galat ??= e;
    const t = tunggu;
    tunggu = undefined;
    t?.({ galat: { message: e.message } });
  });
  const balasan = () => new Promise<{ id?: number; tutup?: boolean; galat?: { message: string } }>((res) => (tunggu = res));

  const awal = await balasan();
  if (awal.id === undefined) {
    await worker.terminate();
    throw galat ?? new Error('penulis impor gagal dibuka');
  }
  const imporId = awal.id;

  let lot: unknown[] = [];
  let tetap: unknown[] = [];
  let sebelum = '';
  let terakhir = '';
  let dikirim = 0;
  const kirim = () => {
    if (!lot.length) return;
    worker.postMessage({ baris: lot, tetap, sebelum });
    lot = [];
    dikirim++;
    // keep memory bounded: wait while the worker is more than ANTRE_MAKS batches behind
    for (let s = Atomics.load(selesai, 0), diam = 0; dikirim - s > ANTRE_MAKS; s = Atomics.load(selesai, 0)) {
      if (Atomics.wait(selesai, 0, s, 1000) === 'timed-out' && ++diam > 120) throw new Error('penulis impor berhenti menjawab');
    }
    if (galat) throw galat;
  };
  const samaTetap = (r: Kas) =>
    r.hash_sebelum === terakhir && r.akun_tujuan === tetap[0] && r.kegiatan_id === tetap[1] && r.batal_dari === tetap[2] && r.alasan_batal === tetap[3] && r.impor_id === tetap[4] && r.dibuat === tetap[5];
  let tertutup = false;
  const tutup = async (pesan: { commit?: unknown[]; rollback?: true }) => {
    if (tertutup) return;
    tertutup = true;
    const b = balasan();
    worker.postMessage(pesan);
    const m = await b;
    await worker.terminate();
    if (m.galat) throw galat ?? galatDari(m.galat);
  };

  return {
    imporId,
    kirim,
    tulis(row) {
      if (galat) throw galat;
      if (!lot.length || !samaTetap(row)) {
        kirim();
        tetap = KOLOM_TETAP.map((k) => row[k]);
        sebelum = row.hash_sebelum;
      }
      const r = row;
      lot.push(r.id, r.nomor, r.bukti, r.tahun, r.urut, r.arah, r.tanggal, r.jumlah, r.sumber, r.jenis, r.layanan, r.asnaf, r.dana, r.akun, r.donatur_id, r.uraian, r.hash);
      terakhir = r.hash;
      if (lot.length >= LOT * KOLOM_BERUBAH.length) kirim();
    },
    async commit(h) {
      kirim();
      await tutup({ commit: [h.dibaca, h.ditambah, h.sudah_ada, h.mungkin_ganda, h.ditolak, imporId] });
    },
    async rollback() {
      lot = [];
      await tutup({ rollback: true });
    },
  };
}
