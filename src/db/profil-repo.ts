// The single profile row, and the audit trail of edits to registers and the profile.
import type { Kysely, Selectable } from 'kysely';
import { uidBaru } from '../domain/jurnal.js';
import { jurnalkan } from './jurnal-repo.js';
import type { Database, ProfilRow } from './types.js';

export type Profil = Selectable<ProfilRow>;

export async function getProfil(db: Kysely<Database>): Promise<Profil | undefined> {
  return db.selectFrom('profil').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function insertProfil(db: Kysely<Database>, row: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('profil')
    .values({ ...(row as object), id: 1, uid: uidBaru() } as unknown as ProfilRow)
    .execute();
  await jurnalkan(db, 'profil', 1, 'tambah', String(row.dibuat ?? new Date().toISOString()));
}

export async function updateProfil(db: Kysely<Database>, changes: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('profil')
    .set(changes as Partial<ProfilRow>)
    .where('id', '=', 1)
    .execute();
  await jurnalkan(db, 'profil', 1, 'ubah', String(changes.diubah ?? new Date().toISOString()));
}

export async function insertPerubahan(
  db: Kysely<Database>,
  rows: {
    tabel: string;
    baris_id: number;
    kolom: string;
    lama: string | null;
    baru: string | null;
    oleh: string;
    waktu: string;
  }[],
): Promise<void> {
  if (rows.length) await db.insertInto('perubahan').values(rows).execute();
}

export async function insertAnggota(
  db: Kysely<Database>,
  row: { nama: string; jabatan: string; hp: string | null; dibuat: string },
): Promise<void> {
  const r = await db
    .insertInto('anggota')
    .values({ ...row, uid: uidBaru() })
    .executeTakeFirstOrThrow();
  await jurnalkan(db, 'anggota', Number(r.insertId), 'tambah', row.dibuat);
}
