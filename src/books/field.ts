// A field of a book, declared once: flags, prompts, validation, listings and import mapping derive from it.
import type { Kysely } from 'kysely';
import { UserError, denganIsian } from '../domain/errors.js';
import { cocokKategori, kategoriTerdekat } from './kategori-ppks.js';
import { pesan } from '../domain/pesan.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { Database } from '../db/types.js';
import { parseDate } from '../domain/dates.js';
import { type Rupiah, parseAmount, parseKuantitas } from '../domain/money.js';
import type { RuleResult } from '../domain/rule.js';

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

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** A choice by code, number or full name, any case. */
export function matchOpsi(opsi: Opsi[], raw: string): Opsi | undefined {
  const n = norm(raw);
  return opsi.find((o) => norm(o.kode) === n) ?? opsi.find((o) => o.nomor !== undefined && String(o.nomor) === n) ?? opsi.find((o) => norm(o.nama) === n);
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

/** Turns what was typed into the stored value, or a UserError naming the field, the value and what is accepted. */
export function parseField(f: Field, raw: string, ref?: Referensi): Nilai {
  try {
    return parseRaw(f, raw, ref);
  } catch (err) {
    throw denganIsian(err, flagOf(f));
  }
}

function parseRaw(f: Field, raw: string, ref?: Referensi): Nilai {
  const s = raw.trim();
  if (s === '') {
    if (f.required) throw new UserError(pesan.teksKosong(f.label));
    return null;
  }
  switch (f.type) {
    case 'jumlah':
      return parseAmount(s, f.label);
    case 'tanggal':
      return parseDate(s, f.label);
    case 'kuantitas':
      return parseKuantitas(s, f.label);
    case 'angka': {
      if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) throw new UserError(pesan.angkaTidakSah(f.label, s));
      return Number(s);
    }
    case 'pilihan': {
      const opsi = optionsOf(f, ref);
      const ppks = 'referensi' in f.pilihan! && f.pilihan.referensi === 'ppks';
      const o = ppks ? cocokKategori(opsi, s) : matchOpsi(opsi, s);
      if (o) return o.kode;
      if (ppks) throw new UserError(pesan.kategoriPpksTidakDikenal(f.label, s, kategoriTerdekat(opsi, s)));
      throw new UserError(pesan.pilihanTidakDikenal(f.label, s, opsi.map((x) => x.kode)));
    }
    case 'hp':
      return normalizePhone(s);
    case 'nik': {
      const digits = s.replace(/[\s.-]/g, '');
      if (!/^\d{16}$/.test(digits)) throw new UserError(`${f.label} "${s}" tidak sah: NIK harus 16 angka.`);
      return digits;
    }
    case 'kode': {
      if (!/^[a-z][a-z0-9_]{0,31}$/.test(s)) throw new UserError(pesan.kodeTidakSah(f.label, s));
      return s;
    }
    case 'waktu': {
      const m = /^(\d{1,2})[.:](\d{2})$/.exec(s);
      if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new UserError(`${f.label} "${s}" tidak sah: tulis jam seperti 19.30.`);
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
  let d = raw.replace(/[\s().-]/g, '');
  if (d.startsWith('+')) d = d.slice(1);
  if (d.startsWith('62')) d = '0' + d.slice(2);
  else if (d.startsWith('8')) d = '0' + d;
  if (!/^0\d{8,13}$/.test(d)) throw new UserError(pesan.hpTidakSah(raw));
  return d;
}
