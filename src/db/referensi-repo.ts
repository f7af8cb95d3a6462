// Reading and adding reference rows: funds, accounts and the official lists.
import type { Kysely } from 'kysely';
import type {
  AkunRow,
  AsnafRow,
  DanaRow,
  DanaSumberRow,
  Database,
  JenisRow,
  KategoriPpksRow,
  KategoriPsksRow,
  LayananRow,
  SumberRow,
} from './types.js';

export interface Referensi {
  dana: DanaRow[];
  akun: AkunRow[];
  sumber: SumberRow[];
  /** the sources a restricted fund accepts; a fund with none listed accepts any */
  danaSumber: DanaSumberRow[];
  jenis: JenisRow[];
  layanan: LayananRow[];
  asnaf: AsnafRow[];
  ppks: KategoriPpksRow[];
  psks: KategoriPsksRow[];
}

export async function loadReferensi(db: Kysely<Database>): Promise<Referensi> {
  const [dana, akun, sumber, jenis, layanan, asnaf, ppks, psks, danaSumber] = await Promise.all([
    db.selectFrom('dana').selectAll().orderBy('dibuat').orderBy('kode').execute(),
    db.selectFrom('akun').selectAll().orderBy('dibuat').orderBy('kode').execute(),
    db.selectFrom('sumber').selectAll().orderBy('urutan').execute(),
    db.selectFrom('jenis_pengeluaran').selectAll().orderBy('urutan').execute(),
    db.selectFrom('layanan').selectAll().orderBy('urutan').execute(),
    db.selectFrom('asnaf').selectAll().orderBy('urutan').execute(),
    db.selectFrom('kategori_ppks').selectAll().orderBy('nomor').execute(),
    db.selectFrom('kategori_psks').selectAll().orderBy('nomor').execute(),
    db.selectFrom('dana_sumber').selectAll().orderBy('dana').orderBy('sumber').execute(),
  ]);
  return { dana, akun, sumber, jenis, layanan, asnaf, ppks, psks, danaSumber };
}

export async function insertDana(db: Kysely<Database>, row: DanaRow): Promise<void> {
  await db.insertInto('dana').values(row).execute();
}

export async function insertAkun(db: Kysely<Database>, row: AkunRow): Promise<void> {
  await db.insertInto('akun').values(row).execute();
}
