// A register import's rows (donatur, PPKS, PSKS) as stored, 32 to an INSERT, journalled in lots, in plain
// better-sqlite3: no kysely here, the import's writer thread (kas-penulis.ts) loads this module too.
import type BetterSqlite3 from 'better-sqlite3';
import { uidBaru } from '../domain/jurnal.js';
import { penjurnalLot } from './jurnal-sync.js';

export interface PenyisipRegister {
  /**
   * queues a row: its values in the order of `kolom`, from `dari` in `nilai` (a batch of rows one after the other);
   * the array may be reused by the caller
   */
  tulis(nilai: readonly unknown[], dari?: number): void;
  /** writes and journals what is still queued; call before the import commits */
  akhiri(): void;
}

/** rows per INSERT statement */
const SEKALIGUS = 32;

/**
 * A register's rows as stored, made from the values given: the columns sorted by name (the journal's order), the id
 * (the next after the largest, as SQLite would give it: the import holds the write lock), a new uid, a value given
 * for every row (`tetap`: the import's id and time), a column's default for a null or a column not given (e.g. jenis
 * `perorangan`) and SQLite's type conversions applied as the table would apply them. A row journalled from these
 * values needs no reading back.
 */
interface SusunanRegister {
  /** the table's columns, sorted by name */
  kolom: string[];
  /** per column, the same value in every row as an SQL literal; undefined for a column each row gives */
  literal: (string | undefined)[];
  /** the largest id before the first row */
  idAwal: number;
  /** the next row's stored values, from `dari` in `v` (in the order of the `kolom` given), into `ke` from `posisi` */
  susun(v: readonly unknown[], dari: number, ke: unknown[], posisi: number): void;
}

function susunanRegister(
  sqlite: BetterSqlite3.Database,
  tabel: string,
  kolom: string[],
  tetap: Record<string, unknown> = {},
): SusunanRegister {
  const info = (sqlite.prepare(`PRAGMA table_info("${tabel}")`).all() as KolomInfo[]).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const lebar = info.length;
  const seperti = info.map((c) => sepertiTersimpan(sqlite, c, kolom.indexOf(c.name), tetap));
  const idAwal = Number(sqlite.prepare(`SELECT coalesce(max(id), 0) FROM "${tabel}"`).pluck().get());
  let id = idAwal;
  return {
    kolom: info.map((c) => c.name),
    literal: info.map((c, i) =>
      kolom.includes(c.name) || c.name === 'id' || c.name === 'uid' ? undefined : literalSql(seperti[i]!([], 0, 0, '')),
    ),
    idAwal,
    susun(v, dari, ke, posisi) {
      const uid = uidBaru();
      id++;
      for (let c = 0; c < lebar; c++) ke[posisi + c] = seperti[c]!(v, dari, id, uid);
    },
  };
}

/** Rows already in their stored form (SusunanRegister) inserted 32 to a statement, in the import's transaction. */
interface PenyisipTersimpan {
  /** queues the row at `dari` in `nilai` (the columns of the susunan, one row after the other) */
  sisip(nilai: readonly unknown[], dari: number): void;
  /** inserts what is still queued and puts back the indexes and triggers set aside */
  akhiri(): void;
}

/**
 * A column the same in every row (the import's id and time, or a column the rows do not give, which holds its
 * default) is written into the statement once as a literal instead of bound at every row: binding a string costs a
 * copy and a conversion. `tundaIndeks: false` keeps the table's indexes up to date row by row (a writer thread:
 * there that work runs beside the reading thread, while rebuilding them would run after it, before the commit).
 */
function penyisipTersimpan(
  sqlite: BetterSqlite3.Database,
  tabel: string,
  susunan: Pick<SusunanRegister, 'kolom' | 'literal' | 'idAwal'>,
  tundaIndeks = true,
): PenyisipTersimpan {
  const { kolom, literal, idAwal } = susunan;
  const ikat = kolom.map((_, i) => i).filter((i) => literal[i] === undefined);
  const kepala = `INSERT INTO "${tabel}" (${kolom.map((k) => `"${k}"`).join(', ')}) VALUES `;
  const tempat = `(${literal.map((l) => l ?? '?').join(', ')})`;
  const satu = sqlite.prepare(kepala + tempat);
  const banyak = sqlite.prepare(kepala + Array<string>(SEKALIGUS).fill(tempat).join(', '));
  const indeks: Tunda = tundaIndeks ? indeksDitunda(sqlite, tabel, idAwal) : { ditambah() {}, pulihkan() {} };
  const pemicu = pemicuDitunda(sqlite, tabel, idAwal);
  const lebarIkat = ikat.length;
  const antre = new Array<unknown>(lebarIkat * SEKALIGUS);
  let n = 0;
  return {
    sisip(nilai, dari) {
      for (let k = 0; k < lebarIkat; k++) antre[n * lebarIkat + k] = nilai[dari + ikat[k]!];
      if (++n === SEKALIGUS) {
        indeks.ditambah(SEKALIGUS);
        pemicu.ditambah(SEKALIGUS);
        // the values as arguments, not one array: better-sqlite3 reads an array's elements one by one through V8's
        // API, arguments directly (about a tenth of the insert's time)
        banyak.run(...antre);
        n = 0;
      }
    },
    akhiri() {
      for (let r = 0; r < n; r++) satu.run(antre.slice(r * lebarIkat, (r + 1) * lebarIkat));
      n = 0;
      indeks.pulihkan();
      pemicu.pulihkan();
    },
  };
}

/**
 * Inserts into a register on this connection, each row as stored (susunanRegister), 32 rows to a statement
 * (penyisipTersimpan), and journals them in lots.
 */
export function registerInserter(
  sqlite: BetterSqlite3.Database,
  tabel: string,
  kolom: string[],
  { tundaIndeks = true, tetap = {} }: { tundaIndeks?: boolean; tetap?: Record<string, unknown> } = {},
): PenyisipRegister {
  const susunan = susunanRegister(sqlite, tabel, kolom, tetap);
  const sisip = penyisipTersimpan(sqlite, tabel, susunan, tundaIndeks);
  const jurnal = penjurnalLot(sqlite, tabel, new Date().toISOString(), susunan.kolom);
  const baris = new Array<unknown>(susunan.kolom.length);
  return {
    tulis(v, dari = 0) {
      susunan.susun(v, dari, baris, 0);
      sisip.sisip(baris, 0);
      jurnal.tambah(baris);
    },
    akhiri() {
      sisip.akhiri();
      jurnal.akhiri();
    },
  };
}

/**
 * A stored value as an SQL literal that SQLite reads back as the same value: null, a safe integer, or text without a
 * NUL character. Anything else (a fraction, bytes) is bound instead: undefined.
 */
function literalSql(v: unknown): string | undefined {
  if (v === null) return 'NULL';
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  if (typeof v === 'string' && !v.includes('\0')) return `'${v.replaceAll("'", "''")}'`;
  return undefined;
}

/** Something set aside in the middle of a large bulk insert and put back before it commits. */
interface Tunda {
  /** `n` more rows added: past the threshold, the first call sets it aside */
  ditambah(n: number): void;
  /** puts back what was set aside (nothing below the threshold) */
  pulihkan(): void;
}

/**
 * `buang` once the import has added at least as many rows as the table held (and 1,024), so a small import
 * into a large table never sets anything aside; `pulihkan` with what `buang` gave before the commit.
 */
function ditunda<T>(sudahAda: number, buang: () => T, pulihkan: (dibuang: T) => void): Tunda {
  const ambang = Math.max(1024, sudahAda);
  let ditambah = 0;
  let dibuang: { isi: T } | undefined;
  return {
    ditambah(n) {
      ditambah += n;
      if (!dibuang && ditambah >= ambang) dibuang = { isi: buang() };
    },
    pulihkan() {
      if (dibuang) pulihkan(dibuang.isi);
      dibuang = undefined;
    },
  };
}

/**
 * A table's indexes dropped in the middle of a large bulk insert and made again, from their own text, before it
 * commits (threshold: ditunda): building an index once over sorted keys costs less than keeping it up to date
 * row by row. A UNIQUE index made again checks every row as the insert would have.
 */
function indeksDitunda(sqlite: BetterSqlite3.Database, tabel: string, sudahAda: number): Tunda {
  return ditunda(
    sudahAda,
    () => {
      const indeks = sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .all(tabel) as { name: string; sql: string }[];
      for (const i of indeks) sqlite.exec(`DROP INDEX "${i.name}"`);
      return indeks.map((i) => i.sql);
    },
    (dibuang) => {
      for (const teks of dibuang) sqlite.exec(teks);
    },
  );
}

/** A trigger that refuses a row: `BEFORE INSERT ON t WHEN <condition> BEGIN SELECT RAISE(ABORT, '<message>'); END` */
const PEMICU_TOLAK =
  /^CREATE TRIGGER "?\w+"? BEFORE INSERT ON "?\w+"?\s+WHEN ([^;]+?)\s+BEGIN SELECT RAISE\(ABORT, '([^']*)'\); END$/;

/** rows between two checks of the triggers set aside (pemicuDitunda) */
const PERIKSA_PEMICU = 4096;

/**
 * A table's row-refusing triggers (the date a register row was recorded must be one) dropped in the middle of a
 * large bulk insert, like its indexes (same threshold): a BEFORE INSERT trigger runs a program of its own for
 * every row, and makes SQLite copy a many-row INSERT through a temporary table first. Instead, its condition is
 * asked of the rows added (`NEW.x` read as the row's column x) every PERIKSA_PEMICU rows, while the import goes
 * on, and of the last ones before it commits, when each is made again from its own text: a row it would have
 * refused fails the import with the trigger's own message, as the insert would have. A trigger of any other shape
 * stays and runs row by row.
 */
function pemicuDitunda(sqlite: BetterSqlite3.Database, tabel: string, sudahAda: number): Tunda {
  let dibuang: { sql: string; tolak: BetterSqlite3.Statement }[] = [];
  const idAkhir = sqlite.prepare(`SELECT coalesce(max(id), 0) FROM "${tabel}"`).pluck();
  let diperiksa = sudahAda;
  let belum = 0;
  /** the rows added since the last check: none may be one a trigger set aside refuses */
  const periksa = () => {
    if (!dibuang.length) return;
    const sampai = Number(idAkhir.get());
    for (const p of dibuang) {
      const pesan = p.tolak.get(diperiksa, sampai) as string | undefined;
      if (pesan !== undefined) throw Object.assign(new Error(pesan), { code: 'SQLITE_CONSTRAINT_TRIGGER' });
    }
    diperiksa = sampai;
  };
  const tunda = ditunda(
    sudahAda,
    () => {
      const semua = sqlite
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .all(tabel) as { name: string; sql: string }[];
      for (const p of semua) {
        const m = PEMICU_TOLAK.exec(p.sql);
        if (!m) continue;
        const syarat = m[1]!.replace(/\bNEW\.(\w+)/g, '"$1"');
        // the message as the trigger has it, a literal without a quote (PEMICU_TOLAK)
        const tolak = sqlite
          .prepare(`SELECT '${m[2]}' FROM "${tabel}" WHERE id > ? AND id <= ? AND (${syarat}) LIMIT 1`)
          .pluck();
        sqlite.exec(`DROP TRIGGER "${p.name}"`);
        dibuang.push({ sql: p.sql, tolak });
      }
      return dibuang;
    },
    () => {
      periksa();
      for (const { sql } of dibuang) sqlite.exec(sql);
      dibuang = [];
    },
  );
  return {
    ditambah(n) {
      tunda.ditambah(n);
      if ((belum += n) >= PERIKSA_PEMICU) {
        belum = 0;
        periksa();
      }
    },
    pulihkan: tunda.pulihkan,
  };
}

interface KolomInfo {
  name: string;
  type: string;
  dflt_value: string | null;
}

/**
 * A column's stored value from the values given: id and uid as assigned, a value given for every row (`tetap`), the
 * default for a null or a column not given, and the conversion SQLite's column affinity makes (a number into a TEXT
 * column is stored as text, an integer written as text into an INTEGER column as an integer).
 */
function sepertiTersimpan(
  sqlite: BetterSqlite3.Database,
  c: KolomInfo,
  i: number,
  tetap: Record<string, unknown>,
): (v: readonly unknown[], dari: number, id: number, uid: string) => unknown {
  if (c.name === 'id') return (_v, _dari, id) => id;
  if (c.name === 'uid') return (_v, _dari, _id, uid) => uid;
  const bawaan = c.dflt_value == null ? null : sqlite.prepare(`SELECT ${c.dflt_value}`).pluck().get();
  const afinitas = /INT/i.test(c.type) ? 'integer' : /CHAR|CLOB|TEXT/i.test(c.type) ? 'text' : 'lain';
  const simpan = (x: unknown) => {
    if (afinitas === 'text' && typeof x === 'number') return String(x);
    if (afinitas === 'integer' && typeof x === 'string' && /^-?\d{1,15}$/.test(x)) return Number(x);
    return x;
  };
  if (i < 0) {
    const x = simpan(tetap[c.name] ?? bawaan);
    return () => x;
  }
  return (v, dari) => simpan(v[dari + i] ?? bawaan);
}
