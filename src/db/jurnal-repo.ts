// Writing and reading the journal. The async path serves the services (Kysely, inside their
// transaction); the sync path serves bulk imports on the raw handle. Both read the row back after
// the write, so the journal holds exactly what the table holds.
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { type AksiJurnal, type EntriJurnal, GENESIS_JURNAL, hashJurnal, isiJurnal } from '../domain/jurnal.js';
import type { Database } from './types.js';

type Db = Kysely<Database>;

const SQL_TAMBAH =
  'INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

function nilaiEntri(e: EntriJurnal, sebelum: string): unknown[] {
  return [e.waktu, e.salinan, e.buku, e.uid, e.aksi, e.isi, sebelum, hashJurnal(sebelum, e)];
}

/** Journals the row `id` of `buku` as it stands now (or its deletion, by its uid). */
export async function jurnalkan(db: Db, buku: string, id: number, aksi: AksiJurnal, waktu: string, uid?: string) {
  const row = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(buku)} WHERE id = ${id}`.execute(db))
    .rows[0];
  const salinan = (await sql<{ nilai: string }>`SELECT nilai FROM meta WHERE kunci = 'salinan'`.execute(db)).rows[0];
  const akhir = (await sql<{ hash: string }>`SELECT hash FROM jurnal ORDER BY id DESC LIMIT 1`.execute(db)).rows[0];
  const e: EntriJurnal = {
    waktu,
    salinan: salinan?.nilai ?? '',
    buku,
    uid: uid ?? String(row?.uid),
    aksi,
    isi: isiJurnal(aksi === 'hapus' ? undefined : row),
  };
  const v = nilaiEntri(e, akhir?.hash ?? GENESIS_JURNAL);
  await sql`INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash)
    VALUES (${sql.join(v.map((x) => sql`${x as string}`))})`.execute(db);
}

/** The same on the raw handle, for bulk imports inside their own transaction. */
export function jurnalkanSync(
  sqlite: BetterSqlite3.Database,
  buku: string,
  id: number,
  aksi: AksiJurnal,
  waktu: string,
) {
  penjurnal(sqlite, buku)(id, aksi, waktu);
}

/** Statements prepared once, for an import that journals thousands of rows of one book. */
export function penjurnal(
  sqlite: BetterSqlite3.Database,
  buku: string,
): (id: number, aksi: AksiJurnal, waktu: string) => void {
  const baris = sqlite.prepare(`SELECT * FROM "${buku}" WHERE id = ?`);
  const salinan =
    (sqlite.prepare("SELECT nilai FROM meta WHERE kunci = 'salinan'").pluck().get() as string | undefined) ?? '';
  const akhir = sqlite.prepare('SELECT hash FROM jurnal ORDER BY id DESC LIMIT 1').pluck();
  const tambah = sqlite.prepare(SQL_TAMBAH);
  // read once: inside the import's transaction nothing else writes the journal between two rows
  let sebelum: string | undefined;
  return (id, aksi, waktu) => {
    sebelum ??= (akhir.get() as string | undefined) ?? GENESIS_JURNAL;
    const row = baris.get(id) as Record<string, unknown> | undefined;
    const e: EntriJurnal = { waktu, salinan, buku, uid: String(row?.uid), aksi, isi: isiJurnal(row) };
    const v = nilaiEntri(e, sebelum);
    tambah.run(...v);
    sebelum = String(v[7]);
  };
}

export interface BarisJurnal extends EntriJurnal {
  id: number;
  hash_sebelum: string;
  hash: string;
}

export async function semuaJurnal(db: Db): Promise<BarisJurnal[]> {
  return (await sql<BarisJurnal>`SELECT * FROM jurnal ORDER BY id`.execute(db)).rows;
}

export async function semuaBaris(db: Db, buku: string): Promise<Record<string, unknown>[]> {
  return (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(buku)} ORDER BY id`.execute(db)).rows;
}
