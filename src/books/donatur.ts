// Book 11's rules beyond its declaration: finding the donor a receipt names.
import type { Kysely } from 'kysely';
import { findDonatur, listDonaturRingkas } from '../db/donatur-repo.js';
import { calonNama } from '../db/register-repo.js';
import type { Database } from '../db/types.js';
import { UserError } from '../domain/errors.js';
// title-stripping, so `Bpk. Sukardi` finds the donor the book calls `Sukardi`
import { bersihkanNama } from '../domain/nama.js';
import { pesan } from '../domain/pesan.js';
import { pass, type RuleResult, refuse } from '../domain/rule.js';
import { type Nilai, normalizePhone, type Opsi } from './field.js';

const ID = /^\d{1,7}$/;

function hpDari(s: string): string | undefined {
  try {
    return normalizePhone(s);
  } catch {
    return undefined;
  }
}

/** A name as SQLite's lower() gives it: ASCII letters folded, every other character as it is. */
const kecilSqlite = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

/**
 * Donors with this name: the name as written first (any case), else the name without titles. Both are decided
 * among the names that may be it (calonNama), read in one pass: a name written the same is one of them, as its
 * words without titles are the same. A name of no words (`-`) is only ever found as written.
 */
async function cariNama(db: Kysely<Database>, nama: string): Promise<{ id: number }[]> {
  const kunci = bersihkanNama(nama);
  if (kunci === '') return findDonatur(db, { nama });
  const calon = await calonNama(db, 'donatur', kunci);
  const ditulis = nama.toLowerCase();
  const persis = calon.filter((d) => kecilSqlite(d.nama) === ditulis);
  return persis.length ? persis : calon.filter((d) => bersihkanNama(d.nama) === kunci);
}

/** The donor a receipt names by ID, phone or name; nothing named is no donor. */
export async function cariDonatur(db: Kysely<Database>, raw: Nilai | undefined): Promise<RuleResult<number | null>> {
  if (raw === null || raw === undefined || String(raw).trim() === '') return pass(null);
  const s = String(raw).trim();
  // `-1` is not donor 1 (nor a phone): a sign is refused, never stripped
  if (/^[-+]\d+$/.test(s) && s.length < 9) return refuse(new UserError(pesan.referensiTidakSah('donatur', s)));
  const hp = ID.test(s) ? undefined : hpDari(s);
  const found = ID.test(s)
    ? await findDonatur(db, { id: Number(s) })
    : hp
      ? await findDonatur(db, { hp })
      : await cariNama(db, s);
  if (found.length === 0) return refuse(new UserError(pesan.donaturTidakAda(s)));
  if (found.length > 1) return refuse(new UserError(pesan.donaturGanda(s, found.length)));
  return pass(found[0]!.id);
}

/** Donors as choices at a prompt: `Toko Makmur (081233334444)`. */
export async function pilihanDonatur(db: Kysely<Database>): Promise<Opsi[]> {
  return (await listDonaturRingkas(db)).map((d) => ({
    kode: String(d.id),
    nama: `${d.nama}${d.hp ? ` (${d.hp})` : ''}`,
  }));
}
