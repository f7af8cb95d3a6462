// Meetings' attendance (book 7) and the members it draws on.
import type { Kysely } from 'kysely';
import { insertBaris } from './register-repo.js';
import type { Database } from './types.js';

export interface AnggotaRingkas {
  id: number;
  nama: string;
  jabatan: string;
}

export interface Hadir {
  anggota_id: number | null;
  nama: string;
  peran: string | null;
  asal: string | null;
  tamu: number;
}

export async function listAnggotaRingkas(db: Kysely<Database>): Promise<AnggotaRingkas[]> {
  return db
    .selectFrom('anggota')
    .select(['id', 'nama', 'jabatan'])
    .where('aktif', '=', 1)
    .orderBy('id')
    .execute() as Promise<AnggotaRingkas[]>;
}

export async function insertHadir(db: Kysely<Database>, rapatId: number, rows: Hadir[]): Promise<void> {
  // one by one through the register writer, so each attendance row is journalled
  for (const r of rows) await insertBaris(db, 'rapat_hadir', { ...r, rapat_id: rapatId });
}

export async function listHadir(db: Kysely<Database>, rapatId: number): Promise<Hadir[]> {
  return db
    .selectFrom('rapat_hadir')
    .select(['anggota_id', 'nama', 'peran', 'asal', 'tamu'])
    .where('rapat_id', '=', rapatId)
    .orderBy('tamu')
    .orderBy('id')
    .execute() as Promise<Hadir[]>;
}
