// Opening balances: the cash book takes a fourth voucher kind, `SA` (saldo awal), a receipt without a
// source. SQLite cannot alter a CHECK, so `kas` is rebuilt: same columns in the same order, rows copied
// as they are (their hashes cover only the values, so the chain still verifies), then the index, the
// triggers and the view that reads kas made again exactly as before.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

/** The kas table, with the CHECKs of a version: SA allowed (0008) or not (0001, for down). */
function tabelKas(denganSa: boolean): string {
  const bukti = denganSa ? "('BKM', 'BKK', 'PB', 'SA')" : "('BKM', 'BKK', 'PB')";
  const sumber = denganSa
    ? `  CHECK (bukti <> 'SA' OR arah = 'masuk'),
  CHECK ((arah = 'masuk' AND bukti <> 'SA') = (sumber IS NOT NULL)),`
    : "  CHECK ((arah = 'masuk') = (sumber IS NOT NULL)),";
  return `
CREATE TABLE kas_baru (
  id INTEGER PRIMARY KEY,
  nomor TEXT NOT NULL UNIQUE,
  bukti TEXT NOT NULL CHECK (bukti IN ${bukti}),
  tahun INTEGER NOT NULL,
  urut INTEGER NOT NULL,
  arah TEXT NOT NULL CHECK (arah IN ('masuk', 'keluar', 'pindah')),
  tanggal TEXT NOT NULL,
  jumlah INTEGER NOT NULL CHECK (jumlah <> 0),
  sumber TEXT REFERENCES sumber (kode),
  jenis TEXT REFERENCES jenis_pengeluaran (kode),
  layanan TEXT REFERENCES layanan (kode),
  asnaf TEXT REFERENCES asnaf (kode),
  dana TEXT REFERENCES dana (kode),
  akun TEXT NOT NULL REFERENCES akun (kode),
  akun_tujuan TEXT REFERENCES akun (kode),
  donatur_id INTEGER REFERENCES donatur (id),
  kegiatan_id INTEGER REFERENCES kegiatan (id),
  uraian TEXT,
  batal_dari INTEGER UNIQUE REFERENCES kas (id),
  alasan_batal TEXT,
  impor_id INTEGER,
  dibuat TEXT NOT NULL,
  hash_sebelum TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (bukti, tahun, urut),
${sumber}
  CHECK ((arah = 'keluar') = (jenis IS NOT NULL)),
  CHECK ((arah = 'pindah') = (akun_tujuan IS NOT NULL)),
  CHECK ((arah = 'pindah') = (dana IS NULL))
);
INSERT INTO kas_baru SELECT * FROM kas;
DROP VIEW gerak_saldo;
DROP TABLE kas;
ALTER TABLE kas_baru RENAME TO kas;
`;
}

/** What 0001 and 0004 made on kas, word for word (periksa compares the triggers with a fresh file's). */
const SEKITAR_KAS =
  `
CREATE INDEX kas_tanggal ON kas (tanggal, arah, jumlah);

CREATE TRIGGER kas_tanpa_ubah BEFORE UPDATE ON kas
BEGIN SELECT RAISE(ABORT, 'entri kas yang sudah diposting tidak boleh diubah; batalkan dengan wksbm kas batal'); END;
CREATE TRIGGER kas_tanpa_hapus BEFORE DELETE ON kas
BEGIN SELECT RAISE(ABORT, 'entri kas yang sudah diposting tidak boleh dihapus; batalkan dengan wksbm kas batal'); END;

CREATE VIEW gerak_saldo AS
  SELECT 'akun' AS buku, akun AS kode, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END AS gerak FROM kas
  UNION ALL SELECT 'akun', akun_tujuan, tanggal, jumlah FROM kas WHERE arah = 'pindah'
  UNION ALL SELECT 'dana', dana, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END FROM kas ` +
  // the view's text is stored in the file as written: lines are joined here, not broken
  `WHERE arah <> 'pindah'
  UNION ALL SELECT 'stok', barang, tanggal, CASE arah WHEN 'masuk' THEN kuantitas_mili ELSE -kuantitas_mili END ` +
  `FROM natura;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await bangunUlang(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // an SA row would break the old CHECK: a file with an opening balance goes back only by its backup
  const sa = await sql<{ n: number }>`SELECT count(*) AS n FROM kas WHERE bukti = 'SA'`.execute(db);
  if (Number(sa.rows[0]?.n) > 0) throw new Error('kas berisi saldo awal (SA); pulihkan cadangan sebelum migrasi');
  await bangunUlang(db, false);
}

async function bangunUlang(db: Kysely<unknown>, denganSa: boolean): Promise<void> {
  // the copy leaves natura, santunan and penyaluran pointing at kas ids that exist again once renamed;
  // the pragma is a no-op inside a transaction, so it is set before ours begins
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    for (const stmt of [...splitStatements(tabelKas(denganSa)), ...splitStatements(SEKITAR_KAS)])
      await sql.raw(stmt).execute(db);
    const salah = await sql`PRAGMA foreign_key_check`.execute(db);
    if (salah.rows.length > 0) throw new Error('rujukan ke tabel kas putus setelah dibangun ulang');
    await sql`COMMIT`.execute(db);
  } catch (err) {
    await sql`ROLLBACK`.execute(db);
    throw err;
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
