// The unit profile (and book 13, the stamp, stored with it): its fields, creating a unit, editing it.
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { type Ledger, openLedger } from '../db/connection.js';
import {
  getProfil,
  insertAnggota,
  insertPerubahan,
  insertProfil,
  type Profil,
  updateProfil,
} from '../db/profil-repo.js';
import { withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { LedgerError, UserError } from '../domain/errors.js';
import type { Jejak } from '../domain/jejak.js';
import { namaSama } from '../domain/nama.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, pass, type RuleResult, refuse } from '../domain/rule.js';
import type { Field, Nilai } from './field.js';

export type { Profil };

export const PROFIL: Field[] = [
  { name: 'nama', label: 'nama unit WKSBM', type: 'teks', required: true },
  { name: 'padukuhan', label: 'padukuhan', type: 'teks', required: true },
  { name: 'kalurahan', label: 'kalurahan', type: 'teks', required: true },
  { name: 'kapanewon', label: 'kapanewon', type: 'teks', required: true },
  { name: 'kabupaten', label: 'kabupaten', type: 'teks' },
  { name: 'provinsi', label: 'provinsi', type: 'teks' },
  { name: 'alamat', label: 'alamat sekretariat', type: 'teks', multiBaris: true },
  { name: 'telepon', label: 'telepon sekretariat', type: 'hp' },
  { name: 'sk_nomor', label: 'nomor SK pengukuhan', type: 'teks', flag: 'sk' },
  { name: 'sk_tanggal', label: 'tanggal SK', type: 'tanggal', flag: 'tanggal-sk' },
  { name: 'tanggal_berdiri', label: 'tanggal berdiri', type: 'tanggal' },
  { name: 'ketua', label: 'ketua', type: 'teks' },
  { name: 'hp_ketua', label: 'HP ketua', type: 'hp' },
  { name: 'sekretaris', label: 'sekretaris', type: 'teks' },
  { name: 'hp_sekretaris', label: 'HP sekretaris', type: 'hp' },
  { name: 'bendahara', label: 'bendahara', type: 'teks' },
  { name: 'hp_bendahara', label: 'HP bendahara', type: 'hp' },
  { name: 'lurah', label: 'nama Lurah', type: 'teks' },
  { name: 'sebutan_padukuhan', label: 'sebutan padukuhan (mis. Dusun)', type: 'teks' },
  { name: 'sebutan_kalurahan', label: 'sebutan kalurahan (mis. Desa)', type: 'teks' },
  { name: 'sebutan_kapanewon', label: 'sebutan kapanewon (mis. Kecamatan)', type: 'teks' },
  { name: 'sebutan_kabupaten', label: 'sebutan kabupaten (mis. Kota)', type: 'teks' },
  { name: 'sebutan_lurah', label: 'sebutan lurah (mis. Kepala Desa)', type: 'teks' },
];

/** Fields asked by `init` at a terminal; the rest keep their defaults and are set with `profil ubah`. */
export const PROFIL_INIT = [
  'nama',
  'padukuhan',
  'kalurahan',
  'kapanewon',
  'kabupaten',
  'provinsi',
  'alamat',
  'telepon',
  'sk_nomor',
  'sk_tanggal',
  'ketua',
  'sekretaris',
  'bendahara',
  'lurah',
];

export const BAWAAN_PROFIL: Record<string, string> = {
  kabupaten: 'Bantul',
  provinsi: 'DI Yogyakarta',
  sebutan_padukuhan: 'Padukuhan',
  sebutan_kalurahan: 'Kalurahan',
  sebutan_kapanewon: 'Kapanewon',
  sebutan_kabupaten: 'Kabupaten',
  sebutan_lurah: 'Lurah',
};

/** The unit's profile; a file without one was never set up with `init`. */
export async function bacaProfil(db: Kysely<Database>): Promise<Profil> {
  const p = await getProfil(db);
  if (!p) throw new LedgerError(pesan.profilBelumAda());
  return p;
}

/** `init` never overwrites a unit. */
export async function unitBelumAda(db: Kysely<Database>, berkas: string): Promise<RuleResult> {
  return (await getProfil(db)) ? refuse(new LedgerError(pesan.unitSudahAda(berkas))) : OK;
}

/** init writes only into a missing or zero-byte file, or a ledger that has no unit yet. */
export async function berkasSiapInit(berkas: string): Promise<RuleResult> {
  if (!fs.existsSync(berkas) || fs.statSync(berkas).size === 0) return OK;
  let ledger: Ledger;
  try {
    ledger = await openLedger(berkas);
  } catch (err) {
    if (err instanceof LedgerError && err.message === pesan.bukanBerkasWksbm(berkas))
      return refuse(new LedgerError(pesan.initTidakMenimpa(berkas)));
    throw err;
  }
  try {
    return await unitBelumAda(ledger.db, berkas);
  } finally {
    await ledger.close();
  }
}

/** A new unit: the file (owner-only), its profile and its three officers as members. A failed new file is removed. */
export async function buatUnit(berkas: string, isi: Record<string, Nilai>, waktu: string): Promise<void> {
  const baru = !fs.existsSync(berkas);
  let ledger: Ledger | undefined;
  try {
    ledger = await openLedger(berkas, { create: true });
    await withTransaction(ledger.db, async (tx) => {
      await insertProfil(tx, { ...isi, dibuat: waktu, diubah: waktu });
      // in a small unit one person may hold two offices: a member once, under the first office
      const sudah: string[] = [];
      for (const jabatan of ['ketua', 'sekretaris', 'bendahara'] as const) {
        const nama = isi[jabatan];
        const hp = (isi[`hp_${jabatan}`] as string | null) ?? null;
        if (!nama || sudah.some((n) => namaSama(n, String(nama)))) continue;
        sudah.push(String(nama));
        await insertAnggota(tx, { nama: String(nama), jabatan, hp, dibuat: waktu });
      }
    });
  } catch (err) {
    await ledger?.close();
    ledger = undefined;
    if (baru) for (const f of [berkas, `${berkas}-wal`, `${berkas}-shm`]) fs.rmSync(f, { force: true });
    throw err;
  } finally {
    await ledger?.close();
  }
}

/** Edits profile fields, each change kept in the audit trail; returns the fields given. */
export async function ubahProfil(db: Kysely<Database>, ubahan: Record<string, Nilai>, jejak: Jejak): Promise<string[]> {
  const lama = (await bacaProfil(db)) as unknown as Record<string, unknown>;
  if (Object.keys(ubahan).length === 0) throw new UserError(pesan.profilTanpaUbahan());
  await withTransaction(db, async (tx) => {
    const berubah = Object.entries(ubahan).filter(([k, v]) => lama[k] !== v);
    const teks = (v: unknown) => (v === null ? null : String(v));
    const baris = (k: string, v: Nilai) => ({
      tabel: 'profil',
      baris_id: 1,
      kolom: k,
      lama: teks(lama[k]),
      baru: teks(v),
    });
    await insertPerubahan(
      tx,
      berubah.map(([k, v]) => ({ ...baris(k, v), ...oleh(jejak) })),
    );
    await updateProfil(tx, { ...ubahan, diubah: jejak.waktu });
  });
  return Object.keys(ubahan);
}

/** The answers of a form that differ from the stored profile: what `profil ubah` at a terminal writes. */
export function ubahanProfil(lama: Profil, isi: Record<string, Nilai>): Record<string, Nilai> {
  const kini = lama as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(isi).filter(([k, v]) => (kini[k] ?? null) !== (v ?? null)));
}

const oleh = (jejak: Jejak) => ({ oleh: jejak.oleh, waktu: jejak.waktu });

/** The largest stamp image kept: it goes into every report and receipt; a scanned stamp is a few hundred KB. */
export const BATAS_CAP_MB = 2;

/** A stamp is a PNG or JPEG image, told by its first bytes. */
export function jenisCap(data: Buffer, berkas: string): RuleResult<'image/png' | 'image/jpeg'> {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.subarray(0, 8).equals(png)) return pass('image/png');
  if (data[0] === 0xff && data[1] === 0xd8) return pass('image/jpeg');
  return refuse(new UserError(pesan.capTidakSah(berkas)));
}

export interface Cap {
  mime: string;
  byte: number;
}

/** Stores the stamp image (book 13) from a file inside the ledger. */
export async function simpanCap(db: Kysely<Database>, berkas: string, jejak: Jejak): Promise<Cap> {
  await bacaProfil(db);
  const batas = BATAS_CAP_MB * 2 ** 20;
  const besar = new UserError(pesan.capTerlaluBesar(berkas, BATAS_CAP_MB));
  let data: Buffer;
  try {
    // the size before the bytes: a photo of many MB is refused unread (a pipe tells its size only once read)
    if (fs.statSync(berkas).size > batas) throw besar;
    data = fs.readFileSync(berkas);
  } catch (e) {
    throw e === besar ? e : new UserError(pesan.berkasTidakTerbaca(berkas));
  }
  if (data.length > batas) throw besar;
  const mime = enforce(jenisCap(data, berkas));
  await withTransaction(db, async (tx) => {
    const baru = `${mime} ${data.length} byte`;
    await insertPerubahan(tx, [{ tabel: 'profil', baris_id: 1, kolom: 'cap', lama: null, baru, ...oleh(jejak) }]);
    await updateProfil(tx, { cap: data, cap_mime: mime, diubah: jejak.waktu });
  });
  return { mime, byte: data.length };
}
