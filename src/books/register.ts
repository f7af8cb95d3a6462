// The register books as services: add, edit, list, show, dispose, each in one transaction, with each
// book's own rules (a NIK once in the book, agenda numbers) and computed figures (an activity's cost).
import type { Kysely } from 'kysely';
import { tempatKendala } from '../db/kendala.js';
import { getProfil } from '../db/profil-repo.js';
import { loadReferensi, type Referensi } from '../db/referensi-repo.js';
import {
  type Baris,
  biayaKegiatan,
  getBaris,
  insertBaris,
  jumlahHadir,
  listBaris,
  nextNomorAgenda,
  riwayatPerubahan,
  type Ubahan,
  updateDenganJejak,
} from '../db/register-repo.js';
import { type Tx, withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { awalPencatatan, tanggalEntriSah } from '../domain/dates.js';
import { RuleError, UserError } from '../domain/errors.js';
import type { Jejak } from '../domain/jejak.js';
import { namaSama } from '../domain/nama.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, pass, type RuleResult, refuse } from '../domain/rule.js';
import { type Buku, kolomBuku } from './buku.js';
import { dbOf, type FieldRule, flagOf, type Nilai, parseField } from './field.js';
import { nikUnik, periksaPpks } from './ppks.js';
import { ANGGOTA, INVENTARIS } from './registers.js';

type Db = Kysely<Database>;

export type { Baris };

export interface HasilAturan {
  /** columns the book's rules fill (agenda number) */
  tambahan?: Record<string, Nilai>;
  /** said on stderr after the row is saved */
  peringatan?: string[];
}

export interface AturanBuku {
  /** rules on one answer, by field name, for a prompt to check it at once */
  isian?: Record<string, FieldRule>;
  /** the rules on a new or edited row, inside the write transaction; throw to refuse */
  baris?: (tx: Tx, baris: Record<string, Nilai>, jejak: Jejak, ref: Referensi, lama?: Baris) => Promise<HasilAturan>;
  /** the figures declared in `buku.hitung`, per row id */
  hitung?: (db: Db, ids: number[]) => Promise<Map<number, Record<string, number>>>;
  /** a new row that may be one already in the book: asked at a terminal, refused in a script without --yes */
  ganda?: (db: Db, baris: Record<string, Nilai>) => Promise<Baris | undefined>;
}

/** The next agenda number counts per direction per year of recording, so it never repeats or moves. */
export async function nomorAgenda(db: Db, arah: string, hariIni: string): Promise<Record<string, Nilai>> {
  const tahun = Number(hariIni.slice(0, 4));
  return { tanggal_catat: hariIni, tahun, nomor_agenda: await nextNomorAgenda(db, arah, tahun) };
}

const perId = (ids: number[], nilai: Map<number, number>, kolom: string) =>
  new Map(ids.map((id) => [id, { [kolom]: nilai.get(id) ?? 0 }]));

export const ATURAN_BUKU: Record<string, AturanBuku> = {
  ppks: {
    isian: { nik: (nik, _isi, env) => nikUnik(dbOf(env), nik) },
    baris: async (tx, baris, jejak, ref, lama) => {
      enforce(await nikUnik(tx, baris.nik, lama?.id));
      return { peringatan: periksaPpks(baris as Record<string, string | null>, ref.ppks, jejak.hariIni) };
    },
  },
  surat: {
    baris: async (tx, baris, jejak, _ref, lama) =>
      lama ? {} : { tambahan: await nomorAgenda(tx, String(baris.arah), jejak.hariIni) },
  },
  anggota: { ganda: (db, baris) => anggotaSenama(db, baris.nama) },
  kegiatan: { hitung: async (db, ids) => perId(ids, await biayaKegiatan(db, ids), 'biaya') },
  rapat: { hitung: async (db, ids) => perId(ids, await jumlahHadir(db, ids), 'hadir') },
};

const aturanDari = (buku: Buku): AturanBuku => ATURAN_BUKU[buku.nama] ?? {};

/** The dates of a book's events (a letter, a guest, a meeting, an activity) lie between the founding and today. */
export async function tanggalEntriBuku(
  tx: Tx,
  buku: Buku,
  nilai: Record<string, Nilai>,
  hariIni: string,
): Promise<void> {
  const fields = buku.fields.filter((f) => f.rentang === 'entri' && typeof nilai[f.name] === 'string');
  if (fields.length === 0) return;
  const awal = awalPencatatan(await getProfil(tx));
  for (const f of fields) enforce(tanggalEntriSah(awal, String(nilai[f.name]), hariIni, f.label));
}

/** Turns SQLite's refusal (a CHECK or NOT NULL of the table) into bad input: exit 2, nothing written. */
export function kendalaKeUserError(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT') && code !== 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new UserError(pesan.kendalaBuku(...tempatKendala((err as Error).message)));
  return err;
}

export async function tulis<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw kendalaKeUserError(err);
  }
}

async function denganHitung(db: Db, buku: Buku, rows: Baris[]): Promise<Baris[]> {
  const hitung = aturanDari(buku).hitung;
  if (!hitung) return rows;
  const h = await hitung(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, ...(h.get(r.id) ?? {}) }));
}

/** A row of the book by the ID the user typed. */
export async function barisAda(db: Db, buku: Buku, idTeks: string): Promise<RuleResult<Baris>> {
  const id = /^\d{1,9}$/.test(idTeks.trim()) ? Number(idTeks) : NaN;
  const b = Number.isNaN(id) ? undefined : await getBaris(db, buku.tabel, id);
  return b ? pass(b) : refuse(new UserError(pesan.barisTidakAda(buku.nama, idTeks)));
}

async function bacaSatu(db: Db, buku: Buku, id: number): Promise<Baris> {
  const [row] = await denganHitung(db, buku, [(await getBaris(db, buku.tabel, id))!]);
  return row!;
}

export interface Tersimpan {
  baris: Baris;
  peringatan: string[];
}

/** The member of this name, titles ignored (`Bu Sri Lestari` is `Hj. Sri Lestari`). */
export async function anggotaSenama(db: Db, nama: Nilai | undefined): Promise<Baris | undefined> {
  if (!nama) return undefined;
  return (await listBaris(db, 'anggota', { sama: {} })).find((a) => namaSama(String(a.nama), String(nama)));
}

/** The row already in the book that a new one may be (a member of the same name), if the book checks. */
export async function barisSerupa(buku: Buku, db: Db, nilai: Record<string, Nilai>): Promise<Baris | undefined> {
  return aturanDari(buku).ganda?.(db, nilai);
}

/** A new row that may be one already there is refused; the message names the flag that adds it anyway. */
export async function belumAda(buku: Buku, db: Db, nilai: Record<string, Nilai>): Promise<RuleResult> {
  const ada = await barisSerupa(buku, db, nilai);
  if (!ada) return OK;
  const nama = String(nilai.nama ?? '');
  return refuse(new RuleError(pesan.sudahAdaDiBuku(buku.nama, nama, ada.id, String(ada.nama ?? ''))));
}

/**
 * A new row after the book's rules, with the columns they fill and the figures computed for it. A row
 * that may already be in the book is refused unless `bolehGanda` (the user confirmed, or --yes).
 */
export async function tambahBaris(
  db: Db,
  buku: Buku,
  nilai: Record<string, Nilai>,
  jejak: Jejak,
  bolehGanda = false,
): Promise<Tersimpan> {
  return withTransaction(db, async (tx) => {
    await tanggalEntriBuku(tx, buku, nilai, jejak.hariIni);
    if (!bolehGanda) enforce(await belumAda(buku, tx, nilai));
    const aturan = aturanDari(buku).baris;
    const h = aturan ? await aturan(tx, nilai, jejak, await loadReferensi(tx)) : {};
    const id = await tulis(() => insertBaris(tx, buku.tabel, { ...nilai, ...h.tambahan, dibuat: jejak.waktu }));
    return { baris: await bacaSatu(tx, buku, id), peringatan: h.peringatan ?? [] };
  });
}

/** Edits the given columns of a row; every change is kept in the audit trail. */
export async function ubahBaris(
  db: Db,
  buku: Buku,
  idTeks: string,
  baru: Record<string, Nilai>,
  jejak: Jejak,
): Promise<Tersimpan & { diubah: number }> {
  return withTransaction(db, async (tx) => {
    const lama = enforce(await barisAda(tx, buku, idTeks));
    if (Object.keys(baru).length === 0) throw new UserError(pesan.tanpaUbahan(buku.nama, flagOf(buku.fields[0]!)));
    await tanggalEntriBuku(tx, buku, baru, jejak.hariIni);
    const aturan = aturanDari(buku).baris;
    const h = aturan
      ? await aturan(tx, { ...(lama as Record<string, Nilai>), ...baru }, jejak, await loadReferensi(tx), lama)
      : {};
    const ubahan: Ubahan[] = Object.entries({ ...baru, ...h.tambahan })
      .filter(([k, v]) => (lama[k] ?? null) !== v)
      .map(([k, v]) => ({ kolom: k, lama: lama[k], baru: v }));
    await tulis(() => updateDenganJejak(tx, buku.tabel, lama.id, ubahan, jejak.oleh, jejak.waktu));
    return { baris: await bacaSatu(tx, buku, lama.id), peringatan: h.peringatan ?? [], diubah: ubahan.length };
  });
}

export interface SaringanBuku {
  /** field name → the value as typed (`--kategori 8`) */
  sama: Record<string, string>;
  cari?: string;
  dari?: string;
  sampai?: string;
}

/** The book's rows, filtered on declared fields (a code, number or name), searched, bounded by date. */
export async function daftarBaris(db: Db, buku: Buku, s: SaringanBuku): Promise<Baris[]> {
  const ref = await loadReferensi(db);
  const sama: Record<string, string | number> = {};
  for (const [nama, raw] of Object.entries(s.sama)) {
    const f = kolomBuku(buku).find((x) => x.name === nama)!;
    const v = parseField({ ...f, required: true }, raw, ref);
    if (v !== null) sama[nama] = v;
  }
  const rows = await listBaris(db, buku.tabel, {
    sama,
    cari: s.cari === undefined ? undefined : { kolom: buku.cari, teks: s.cari },
    tanggal: buku.tanggal ? { kolom: buku.tanggal, dari: s.dari, sampai: s.sampai } : undefined,
  });
  return denganHitung(db, buku, rows);
}

export type Perubahan = Awaited<ReturnType<typeof riwayatPerubahan>>[number];

/** One row with its computed figures and its audit trail. */
export async function bacaBaris(db: Db, buku: Buku, idTeks: string): Promise<{ baris: Baris; riwayat: Perubahan[] }> {
  const b = enforce(await barisAda(db, buku, idTeks));
  const [baris] = await denganHitung(db, buku, [b]);
  return { baris: baris!, riwayat: await riwayatPerubahan(db, buku.tabel, b.id) };
}

/** An item can be disposed of once; it stays in the book. */
export async function bolehDihapus(db: Db, idTeks: string): Promise<RuleResult<Baris>> {
  const r = await barisAda(db, INVENTARIS, idTeks);
  if (r.ok && r.value.hapus_alasan)
    return refuse(new RuleError(pesan.sudahDihapus(r.value.id, String(r.value.hapus_alasan))));
  return r;
}

export async function hapusInventaris(
  db: Db,
  idTeks: string,
  hapus: { alasan: string; tanggal: string },
  jejak: Jejak,
): Promise<Baris> {
  return withTransaction(db, async (tx) => {
    const b = enforce(await bolehDihapus(tx, idTeks));
    const ubahan = [
      { kolom: 'hapus_tanggal', lama: null, baru: hapus.tanggal },
      { kolom: 'hapus_alasan', lama: null, baru: hapus.alasan },
    ];
    await tulis(() => updateDenganJejak(tx, 'inventaris', b.id, ubahan, jejak.oleh, jejak.waktu));
    return b;
  });
}

/** A member leaves (0) or comes back (1); they stay in the book and in past attendance. */
export async function aturKeanggotaan(db: Db, idTeks: string, aktif: 0 | 1, jejak: Jejak): Promise<Baris> {
  return withTransaction(db, async (tx) => {
    const b = enforce(await barisAda(tx, ANGGOTA, idTeks));
    if (Number(b.aktif) !== aktif)
      await updateDenganJejak(
        tx,
        'anggota',
        b.id,
        [{ kolom: 'aktif', lama: b.aktif, baru: aktif }],
        jejak.oleh,
        jejak.waktu,
      );
    return b;
  });
}
