// The quarter-closing log.
import type { Kysely } from 'kysely';
import { uidBaru } from '../domain/jurnal.js';
import { jurnalkan } from './jurnal-repo.js';
import type { Database } from './types.js';

export async function latestAksi(
  db: Kysely<Database>,
  tahun: number,
  triwulan: number,
): Promise<'tutup' | 'buka' | undefined> {
  const r = await db
    .selectFrom('tutup_buku')
    .select('aksi')
    .where('tahun', '=', tahun)
    .where('triwulan', '=', triwulan)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.aksi;
}

export async function insertAksi(
  db: Kysely<Database>,
  row: {
    tahun: number;
    triwulan: number;
    aksi: 'tutup' | 'buka';
    alasan: string | null;
    waktu: string;
    segel?: string;
  },
): Promise<void> {
  const r = await db
    .insertInto('tutup_buku')
    .values({ ...row, uid: uidBaru() })
    .executeTakeFirstOrThrow();
  await jurnalkan(db, 'tutup_buku', Number(r.insertId), 'tambah', row.waktu);
}

export async function closedQuarters(db: Kysely<Database>): Promise<{ tahun: number; triwulan: number }[]> {
  const rows = await db.selectFrom('tutup_buku').select(['tahun', 'triwulan', 'aksi', 'id']).orderBy('id').execute();
  const state = new Map<string, { tahun: number; triwulan: number; tutup: boolean }>();
  for (const r of rows)
    state.set(`${r.tahun}-${r.triwulan}`, { tahun: r.tahun, triwulan: r.triwulan, tutup: r.aksi === 'tutup' });
  return [...state.values()].filter((s) => s.tutup).map(({ tahun, triwulan }) => ({ tahun, triwulan }));
}

/** The seal of the latest closing that recorded one (JSON), with its quarter. */
export async function segelTerakhir(
  db: Kysely<Database>,
): Promise<{ tahun: number; triwulan: number; segel: string } | undefined> {
  const r = await db
    .selectFrom('tutup_buku')
    .select(['tahun', 'triwulan', 'segel'])
    .where('aksi', '=', 'tutup')
    .where('segel', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { tahun: r.tahun, triwulan: r.triwulan, segel: r.segel! } : undefined;
}
