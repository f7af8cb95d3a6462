// Opening balances: the cash book takes a fourth voucher kind, `SA` (saldo awal), a receipt without a
// source. SQLite cannot alter a CHECK, so `kas` is rebuilt: same columns in the same order, rows copied
// as they are (their hashes cover only the values, so the chain still verifies), then the index, the
// triggers and the view that reads kas made again exactly as before.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

const KAS_BARU = `
CREATE TABLE kas_baru (
  id INTEGER PRIMARY KEY,
  nomor TEXT NOT NULL UNIQUE,
  bukti TEXT NOT NULL CHECK (bukti IN ('BKM', 'BKK', 'PB', 'SA')),
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
  CHECK (bukti <> 'SA' OR arah = 'masuk'),
  CHECK ((arah = 'masuk' AND bukti <> 'SA') = (sumber IS NOT NULL)),
  CHECK ((arah = 'keluar') = (jenis IS NOT NULL)),
  CHECK ((arah = 'pindah') = (akun_tujuan IS NOT NULL)),
  CHECK ((arah = 'pindah') = (dana IS NULL))
);
INSERT INTO kas_baru SELECT * FROM kas;
DROP VIEW gerak_saldo;
DROP TABLE kas;
ALTER TABLE kas_baru RENAME TO kas;
`;

/** What 0001 and 0004 made on kas, word for word (periksa compares the triggers with a fresh file's). */
const SEKITAR_KAS = `
CREATE INDEX kas_tanggal ON kas (tanggal, arah, jumlah);

CREATE TRIGGER kas_tanpa_ubah BEFORE UPDATE ON kas
BEGIN SELECT RAISE(ABORT, 'entri kas yang sudah diposting tidak boleh diubah; batalkan dengan wksbm kas batal'); END;
CREATE TRIGGER kas_tanpa_hapus BEFORE DELETE ON kas
BEGIN SELECT RAISE(ABORT, 'entri kas yang sudah diposting tidak boleh dihapus; batalkan dengan wksbm kas batal'); END;

CREATE VIEW gerak_saldo AS
  SELECT 'akun' AS buku, akun AS kode, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END AS gerak FROM kas
  UNION ALL SELECT 'akun', akun_tujuan, tanggal, jumlah FROM kas WHERE arah = 'pindah'
  UNION ALL SELECT 'dana', dana, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END FROM kas WHERE arah <> 'pindah'
  UNION ALL SELECT 'stok', barang, tanggal, CASE arah WHEN 'masuk' THEN kuantitas_mili ELSE -kuantitas_mili END FROM natura;
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // the copy leaves natura, santunan and penyaluran pointing at kas ids that exist again once renamed;
  // the pragma is a no-op inside a transaction, so it is set before ours begins
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    for (const stmt of [...splitStatements(KAS_BARU), ...splitStatements(SEKITAR_KAS)]) await sql.raw(stmt).execute(db);
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

export async function down(): Promise<void> {
  // an SA row would break the old CHECK: going back means restoring the backup made before migrating
  throw new Error('migrasi 0008-saldo-awal tidak dapat dibalik; pulihkan cadangan sebelum migrasi');
}
