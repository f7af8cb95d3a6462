// Journalling on the raw better-sqlite3 handle, for bulk imports inside their own transaction. No
// kysely here: the cash import's writer thread loads this module (through tulis-massal.ts).
import type BetterSqlite3 from 'better-sqlite3';
import { type AksiJurnal, type EntriJurnal, GENESIS_JURNAL, hashJurnal, isiJurnal } from '../domain/jurnal.js';

const SQL_TAMBAH =
  'INSERT INTO jurnal (waktu, salinan, buku, uid, aksi, isi, hash_sebelum, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

export function nilaiEntri(e: EntriJurnal, sebelum: string): unknown[] {
  return [e.waktu, e.salinan, e.buku, e.uid, e.aksi, e.isi, sebelum, hashJurnal(sebelum, e)];
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
