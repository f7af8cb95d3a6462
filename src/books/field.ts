// A field of a book, declared once: flags, prompts, validation, listings and import mapping derive from it.
import type { Kysely } from 'kysely';
import { getProfil } from '../db/profil-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { Database } from '../db/types.js';
import { awalPencatatan, hariIni, parseDate, tanggalEntriSah, tanggalLahirSah } from '../domain/dates.js';
import { denganIsian, UserError } from '../domain/errors.js';
import { parseAmount, parseKuantitas, type Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, type RuleResult } from '../domain/rule.js';
import { cocokKategori, kategoriTerdekat } from './kategori-ppks.js';
import { alasanNikTidakSah } from './nik.js';

/** What each type of field holds once parsed: amounts are Rupiah, quantities thousandths, dates ISO text. */
export interface NilaiTipe {
  teks: string;
  teks_panjang: string;
  jumlah: Rupiah;
  tanggal: string;
  pilihan: string;
  angka: number;
  hp: string;
  nik: string;
  kuantitas: number;
  kode: string;
  waktu: string;
}

export type FieldType = keyof NilaiTipe;

export interface Opsi {
  kode: string;
  nama: string;
  nomor?: number;
}

/** Where a choice list comes from: fixed in the declaration, or a reference table in the file. */
export type SumberPilihan = { tetap: Opsi[] } | { referensi: keyof Referensi };

export interface Field {
  name: string;
  label: string;
  type: FieldType;
  /** the flag without dashes; defaults to the name with `_` as `-` */
  flag?: string;
  required?: boolean;
  pilihan?: SumberPilihan;
  /** header words that name this field in imported files (besides its name and label) */
  sinonim?: string[];
  maxLength?: number;
  help?: string;
  /** a date that defaults to today (asked at a terminal with today as the default) */
  hariIni?: boolean;
  /** what a required field holds when not given (asked at a terminal as the default; a file may leave it empty) */
  nilaiBawaan?: string;
  /** the least number accepted by an `angka` field (the table's CHECK, said in words before the insert) */
  min?: number;
  /**
   * the dates a `tanggal` field may hold: `lahir` from 1900 to today (checked by parseField); `entri` from the
   * unit's founding to today (`tanggalEntriSah`: by a form's check, then again by the write path)
   */
  rentang?: 'lahir' | 'entri';
  /** a one-line field whose value may still span lines (an address typed in a cell with Alt+Enter) */
  multiBaris?: boolean;
}

export function flagOf(f: Field): string {
  return f.flag ?? f.name.replace(/_/g, '-');
}

/** commander's property for a flag: `tanggal-wafat` → `tanggalWafat`. */
export function optionKey(f: Field): string {
  return flagOf(f).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function optionsOf(f: Field, ref: Referensi | undefined): Opsi[] {
  if (!f.pilihan) return [];
  if ('tetap' in f.pilihan) return f.pilihan.tetap;
  if (!ref) return [];
  const rows = ref[f.pilihan.referensi] as { kode: string; nama: string; nomor?: number }[];
  return rows.map((r) => ({ kode: r.kode, nama: r.nama, nomor: r.nomor }));
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** A choice by code, number or full name, any case. */
export function matchOpsi(opsi: Opsi[], raw: string): Opsi | undefined {
  const n = norm(raw);
  return (
    opsi.find((o) => norm(o.kode) === n) ??
    opsi.find((o) => o.nomor !== undefined && String(o.nomor) === n) ??
    opsi.find((o) => norm(o.nama) === n)
  );
}

export type Nilai = NilaiTipe[FieldType] | null;

/** The parsed value of one field: never null when the field is required. */
export type NilaiField<F extends Field> = F extends { required: true }
  ? NilaiTipe[F['type']]
  : NilaiTipe[F['type']] | null;

/** What a field's rule may consult besides the answer: the unit's lists, the file, today. */
export interface FieldEnv {
  hariIni: string;
  ref?: Referensi;
  db?: Kysely<Database>;
}

/**
 * A rule on one answer, given the answers before it (`isi`): run on the value whether it came from a
 * flag, a prompt or a default, so a prompt can refuse it at once. The write path checks everything again.
 */
export type FieldRule = (
  nilai: Nilai,
  isi: Record<string, Nilai>,
  env: FieldEnv,
) => RuleResult<unknown> | Promise<RuleResult<unknown>>;

/** The reference lists a rule needs; a form that uses such a rule is always collected with them. */
export function refOf(env: FieldEnv): Referensi {
  if (!env.ref) throw new Error('aturan isian butuh referensi');
  return env.ref;
}

export function dbOf(env: FieldEnv): Kysely<Database> {
  if (!env.db) throw new Error('aturan isian butuh berkas buku');
  return env.db;
}

/**
 * Control characters (an ESC sequence that clears the screen, a bell, C1, a lone carriage return);
 * tab and line breaks are text only in fields that may span lines.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const KENDALI_BARIS = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const KENDALI_PANJANG = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

/** Refuses a value carrying control characters, named with them escaped (never written raw to a terminal). */
export function tanpaKendali(f: Field, raw: string): string {
  const panjang = f.type === 'teks_panjang' || f.multiBaris === true;
  const s = raw.trim();
  if ((panjang ? KENDALI_PANJANG : KENDALI_BARIS).test(s)) throw new UserError(pesan.teksKendali(f.label, s, panjang));
  return raw;
}

/**
 * An entry date outside the unit's years, refused as soon as it is typed or given as a flag (the write
 * path checks again). Without the file at hand only the upper bound, today, is known.
 */
export async function tanggalEntriIsian(f: Field, nilai: Nilai, env: FieldEnv): Promise<RuleResult<unknown>> {
  if (f.rentang !== 'entri' || typeof nilai !== 'string') return OK;
  const awal = env.db ? awalPencatatan(await getProfil(env.db)) : '0000-01-01';
  return tanggalEntriSah(awal, nilai, env.hariIni, f.label);
}

/** Turns what was typed into the stored value, or a UserError naming the field, the value and what is accepted. */
export function parseField(f: Field, raw: string, ref?: Referensi): Nilai {
  try {
    return parseRaw(f, raw, ref);
  } catch (err) {
    throw denganIsian(err, flagOf(f));
  }
}

function parseRaw(f: Field, raw: string, ref?: Referensi): Nilai {
  const s = tanpaKendali(f, raw).trim();
  if (s === '') {
    if (f.required) throw new UserError(pesan.teksKosong(f.label));
    return null;
  }
  switch (f.type) {
    case 'jumlah':
      return parseAmount(s, f.label);
    case 'tanggal': {
      const t = parseDate(s, f.label);
      return f.rentang === 'lahir' ? enforce(tanggalLahirSah(t, hariIni(), f.label)) : t;
    }
    case 'kuantitas':
      return parseKuantitas(s, f.label);
    case 'angka': {
      if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new UserError(pesan.angkaTidakSah(f.label, s));
      if (f.min !== undefined && Number(s) < f.min) throw new UserError(pesan.angkaTerlaluKecil(f.label, s, f.min));
      return Number(s);
    }
    case 'pilihan': {
      const opsi = optionsOf(f, ref);
      const ppks = 'referensi' in f.pilihan! && f.pilihan.referensi === 'ppks';
      const o = ppks ? cocokKategori(opsi, s) : matchOpsi(opsi, s);
      if (o) return o.kode;
      if (ppks) throw new UserError(pesan.kategoriPpksTidakDikenal(f.label, s, kategoriTerdekat(opsi, s)));
      throw new UserError(
        pesan.pilihanTidakDikenal(
          f.label,
          s,
          opsi.map((x) => x.kode),
        ),
      );
    }
    case 'hp':
      return normalizePhone(s);
    case 'nik': {
      const digits = s.replace(/[\s.-]/g, '');
      const alasan = alasanNikTidakSah(digits, f.name !== 'nik');
      if (alasan) throw new UserError(pesan.nikTidakSah(f.label, s, alasan));
      return digits;
    }
    case 'kode': {
      if (!/^[a-z][a-z0-9_]{0,31}$/.test(s)) throw new UserError(pesan.kodeTidakSah(f.label, s));
      return s;
    }
    case 'waktu': {
      const m = /^(\d{1,2})[.:](\d{2})$/.exec(s);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new UserError(pesan.waktuTidakSah(f.label, s));
      return `${m[1]!.padStart(2, '0')}.${m[2]}`;
    }
    default: {
      const maks = f.maxLength ?? (f.type === 'teks_panjang' ? 4000 : 200);
      if (s.length > maks) throw new UserError(pesan.teksTerlaluPanjang(f.label, maks));
      return s;
    }
  }
}

/** `0812-1000-2000`, `+62 812 1000 2000` and `6281210002000` are one number: `081210002000`. */
export function normalizePhone(raw: string): string {
  // a leading minus is not a phone: `-0812…` must not become one by stripping the sign
  if (raw.trim().startsWith('-')) throw new UserError(pesan.hpTidakSah(raw));
  let d = raw.replace(/[\s().-]/g, '');
  if (d.startsWith('+')) d = d.slice(1);
  if (d.startsWith('62')) d = '0' + d.slice(2);
  else if (d.startsWith('8')) d = '0' + d;
  if (!/^0\d{8,13}$/.test(d)) throw new UserError(pesan.hpTidakSah(raw));
  return d;
}
