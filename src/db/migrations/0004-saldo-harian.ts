// Day totals per account, fund and stock item, so a posting's floor check reads only the days from
// its date on (see src/db/saldo-repo.ts). `gerak_saldo` says in SQL how each posted row moves the
// balances (as gerakKas and gerakNatura do in src/ledger); the migration fills the table from it.
import { type Kysely, sql } from 'kysely';
import { splitStatements } from './0001-awal.js';

const TABEL =
  `
CREATE TABLE saldo_harian (
  buku TEXT NOT NULL CHECK (buku IN ('akun', 'dana', 'stok')),
  kode TEXT NOT NULL,
  tanggal TEXT NOT NULL,
  gerak INTEGER NOT NULL,
  saldo INTEGER NOT NULL,
  PRIMARY KEY (buku, kode, tanggal)
) WITHOUT ROWID;

CREATE VIEW gerak_saldo AS
  SELECT 'akun' AS buku, akun AS kode, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END AS gerak FROM kas
  UNION ALL SELECT 'akun', akun_tujuan, tanggal, jumlah FROM kas WHERE arah = 'pindah'
  UNION ALL SELECT 'dana', dana, tanggal, CASE arah WHEN 'masuk' THEN jumlah ELSE -jumlah END FROM kas ` +
  // the view's text is stored in the file as written: lines are joined here, not broken
  `WHERE arah <> 'pindah'
  UNION ALL SELECT 'stok', barang, tanggal, CASE arah WHEN 'masuk' THEN kuantitas_mili ELSE -kuantitas_mili END ` +
  `FROM natura;

INSERT INTO saldo_harian (buku, kode, tanggal, gerak, saldo)
  SELECT buku, kode, tanggal, gerak, sum(gerak) OVER (PARTITION BY buku, kode ORDER BY tanggal)
  FROM (SELECT buku, kode, tanggal, sum(gerak) AS gerak FROM gerak_saldo GROUP BY buku, kode, tanggal);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const stmt of splitStatements(TABEL)) await sql.raw(stmt).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP VIEW gerak_saldo`.execute(db);
  await sql`DROP TABLE saldo_harian`.execute(db);
}
