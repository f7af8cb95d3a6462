// Books 6 and 7, meetings: who may be listed as present (active members, by name or ID; guests with
// their origin), and recording the minutes with their attendance in one transaction.
import type { Kysely } from 'kysely';
import { type AnggotaRingkas, type Hadir, insertHadir, listAnggotaRingkas, listHadir } from '../db/rapat-repo.js';
import { type Baris, getBaris, insertBaris } from '../db/register-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { UserError } from '../domain/errors.js';
import type { Jejak } from '../domain/jejak.js';
import { pesan } from '../domain/pesan.js';
import { enforce, pass, type RuleResult, refuse } from '../domain/rule.js';
import type { Nilai } from './field.js';
import { barisAda, tanggalEntriBuku, tulis } from './register.js';
import { RAPAT } from './registers.js';

type Db = Kysely<Database>;

export type { AnggotaRingkas, Hadir };

export interface Tamu {
  nama: string;
  asal: string | null;
}

/** `--hadir "Sukardi, 3"`: members by name (any case) or ID; anyone not an active member is refused. */
export function cocokkanHadir(teks: string, anggota: AnggotaRingkas[]): RuleResult<AnggotaRingkas[]> {
  const hasil: AnggotaRingkas[] = [];
  for (const bagian of teks
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const cocok = /^\d+$/.test(bagian)
      ? anggota.filter((a) => a.id === Number(bagian))
      : anggota.filter((a) => a.nama.trim().toLowerCase() === bagian.toLowerCase());
    if (cocok.length === 0) return refuse(new UserError(pesan.anggotaTidakAda(bagian)));
    if (cocok.length > 1) return refuse(new UserError(pesan.anggotaGanda(bagian, cocok.length)));
    if (!hasil.some((h) => h.id === cocok[0]!.id)) hasil.push(cocok[0]!);
  }
  return pass(hasil);
}

/** `--tamu "Ibu Endang (Dinas Sosial), Pak Bayu"`: guests with their origin in brackets. */
export function bacaTamu(teks: string): RuleResult<Tamu[]> {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a guest's name carries no terminal control
  if (/[\u0000-\u001f\u007f-\u009f]/.test(teks.trim()))
    return refuse(new UserError(pesan.teksKendali('tamu', teks.trim(), false)));
  const hasil: Tamu[] = [];
  const re = /\s*([^,(]+?)\s*(?:\(([^)]*)\))?\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < teks.length && (m = re.exec(teks))) {
    if (m[0] === '') break;
    if (m[1]) hasil.push({ nama: m[1].trim(), asal: m[2]?.trim() || null });
  }
  if (hasil.length === 0 || re.lastIndex < teks.trim().length)
    return refuse(new UserError(pesan.tamuRapatTidakSah(teks)));
  return pass(hasil);
}

/** Members who can be listed as present. */
export function anggotaAktif(db: Db): Promise<AnggotaRingkas[]> {
  return listAnggotaRingkas(db);
}

/** The attendance list: members first (their position as role), then guests. */
function daftarHadir(ids: number[], tamu: Tamu[], anggota: AnggotaRingkas[]): Hadir[] {
  const hadir = ids.map((id) => {
    const a = anggota.find((x) => x.id === id);
    if (!a) throw new UserError(pesan.anggotaTidakAda(String(id)));
    return { anggota_id: a.id, nama: a.nama, peran: a.jabatan, asal: null, tamu: 0 };
  });
  return [...hadir, ...tamu.map((t) => ({ anggota_id: null, nama: t.nama, peran: 'tamu', asal: t.asal, tamu: 1 }))];
}

export interface RapatBaru {
  isi: Record<string, Nilai>;
  /** IDs of the active members present */
  anggota: number[];
  tamu: Tamu[];
}

/** The minutes and their attendance, written together. */
export async function catatRapat(db: Db, r: RapatBaru, jejak: Jejak): Promise<{ baris: Baris; hadir: Hadir[] }> {
  return withTransaction(db, async (tx) => {
    await tanggalEntriBuku(tx, RAPAT, r.isi, jejak.hariIni);
    const hadir = daftarHadir(r.anggota, r.tamu, await listAnggotaRingkas(tx));
    const id = await tulis(async () => {
      const id = await insertBaris(tx, 'rapat', { ...r.isi, dibuat: jejak.waktu });
      await insertHadir(tx, id, hadir);
      return id;
    });
    return { baris: { ...(await getBaris(tx, 'rapat', id))!, hadir: hadir.length }, hadir };
  });
}

/** One meeting as printed: the minutes and who was there. */
export async function bacaRapat(db: Db, idTeks: string): Promise<{ baris: Baris; hadir: Hadir[] }> {
  const baris = enforce(await barisAda(db, RAPAT, idTeks));
  const hadir = await listHadir(db, baris.id);
  return { baris: { ...baris, hadir: hadir.length }, hadir };
}
