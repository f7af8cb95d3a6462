// A command's form: fields declared once (src/books), gathered from flags first, then (at a terminal)
// by asking, else from defaults; a missing required field without a terminal names its flag.
// `deriveField` is the one place a field becomes a flag, a prompt and a check.
import type { Command } from 'commander';
import {
  type Field,
  type FieldEnv,
  type FieldRule,
  flagOf,
  type Nilai,
  type NilaiField,
  type Opsi,
  optionKey,
  optionsOf,
  parseField,
  tanggalEntriIsian,
} from '../books/field.js';
import { bukanMasaDepan, tanggalIsian } from '../domain/dates.js';
import { denganIsian, LedgerError, UserError } from '../domain/errors.js';
import { formatRupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, pass, type RuleResult, refuse } from '../domain/rule.js';
import type { Context } from './context.js';
import type { Pilihan } from './prompter.js';

export interface FormEnv extends FieldEnv {
  /** the flags given on the command line, by commander's key */
  flag: Record<string, unknown>;
  /** choices from the unit's own data (donors, PPKS) by field name, offered instead of the declared ones */
  pilihan: Record<string, Opsi[]>;
}

export interface FormField extends Field {
  /** default as the user would type it, from what was gathered so far */
  bawaan?: (isi: Record<string, Nilai>, env: FormEnv) => string | undefined;
  /** whether to ask at a terminal when not given (default: yes) */
  tanya?: boolean | ((isi: Record<string, Nilai>, env: FormEnv) => boolean);
  /** the rule one answer must keep, checked as soon as it is given */
  aturan?: FieldRule;
  /** required given what was gathered so far (asnaf once the fund is zakat), never offered as optional */
  wajib?: (isi: Record<string, Nilai>, env: FormEnv) => boolean;
  /** a question to confirm an accepted answer at a terminal (a date before the newest voucher); no: asked again */
  konfirmasi?: (nilai: Nilai, isi: Record<string, Nilai>, env: FormEnv) => Promise<string | undefined>;
  /** what the question adds after its label, from what was gathered (the balance an amount may not pass) */
  keterangan?: (isi: Record<string, Nilai>, env: FormEnv) => Promise<string | undefined>;
}

/** Fields in the order they are asked, keyed by their name. */
export type Form = Readonly<Record<string, FormField>>;

/** What a form gathers: each field's parsed type (an amount is Rupiah), null when optional and empty. */
export type Isi<F extends Form> = { -readonly [K in keyof F]: NilaiField<F[K]> };

/** What a field becomes on the command line. */
export interface Turunan {
  /** commander's property for the flag */
  key: string;
  flags: string;
  description: string;
  /** the stored value from what was typed, through the field's rule */
  check(raw: string, isi: Record<string, Nilai>, env: FormEnv): Promise<RuleResult<Nilai>>;
  /** asks at a terminal; a typed answer that fails its check is asked again, a refused choice is an error */
  ask(ctx: Context, isi: Record<string, Nilai>, env: FormEnv, bawaan: string | undefined): Promise<Nilai>;
}

const KOSONG = '\u0000kosong';

export function deriveField(f: FormField): Turunan {
  const check = async (raw: string, isi: Record<string, Nilai>, env: FormEnv): Promise<RuleResult<Nilai>> => {
    let nilai: Nilai;
    try {
      nilai = parseField(f, raw, env.ref);
    } catch (err) {
      if (err instanceof UserError) return refuse(err);
      throw err;
    }
    const rentang = await tanggalEntriIsian(f, nilai, env);
    if (!rentang.ok) return rentang;
    // an entry's own date (the one that defaults to today) may not be after today
    const kini =
      f.hariIni && typeof nilai === 'string' && env.hariIni ? bukanMasaDepan(nilai, env.hariIni, f.label) : OK;
    if (!kini.ok) return kini;
    const r = f.aturan ? await f.aturan(nilai, isi, env) : OK;
    if (!r.ok) denganIsian(r.error, flagOf(f));
    return r.ok ? pass(nilai) : r;
  };
  return {
    key: optionKey(f),
    flags: `--${flagOf(f)} <${f.type === 'jumlah' ? 'jumlah' : f.type === 'tanggal' ? 'tanggal' : 'nilai'}>`,
    description: describe(f),
    check,
    ask: (ctx, isi, env, bawaan) => ask(ctx, f, check, isi, env, bawaan),
  };
}

/** `Kategori PPKS: lihat wksbm kode ppks — wajib`, `Tanggal terdata (…) (bawaan: hari ini)`. */
function describe(f: FormField): string {
  const pilihan = !f.pilihan
    ? ''
    : 'tetap' in f.pilihan
      ? `: ${f.pilihan.tetap.map((o) => o.kode).join('|')}`
      : `: lihat wksbm kode ${f.pilihan.referensi}`;
  const bawaan = f.hariIni ? ' (bawaan: hari ini)' : f.nilaiBawaan ? ` (bawaan: ${f.nilaiBawaan})` : '';
  const wajib = f.required && !f.hariIni && !f.bawaan && !f.nilaiBawaan ? ' — wajib' : '';
  return f.label + pilihan + (f.help ? ` (${f.help})` : '') + bawaan + wajib;
}

/** One question: the field's answer so far, and how to check one. */
interface Pertanyaan {
  f: FormField;
  label: string;
  check: (raw: string) => Promise<RuleResult<Nilai>>;
  konfirmasi?: (nilai: Nilai) => Promise<string | undefined>;
  bawaan: string | undefined;
}

async function ask(
  ctx: Context,
  f: FormField,
  check: Turunan['check'],
  isi: Record<string, Nilai>,
  env: FormEnv,
  bawaan: string | undefined,
): Promise<Nilai> {
  const wajib = Boolean(f.required || f.wajib?.(isi, env));
  const keterangan = await f.keterangan?.(isi, env);
  const label = judulTanya(f, wajib) + (keterangan ? ` — ${keterangan}` : '');
  const q: Pertanyaan = {
    f: { ...f, required: wajib },
    label,
    check: (raw) => check(raw, isi, env),
    konfirmasi: f.konfirmasi && ((v) => f.konfirmasi!(v, isi, env)),
    bawaan,
  };
  const dinamis = env.pilihan[f.name];
  const opsi = dinamis ?? optionsOf(f, env.ref);
  if (opsi.length === 0) return askText(ctx, q);
  // declared choices that break the field's rule (a fund that may not take this source) are not offered
  const boleh = f.aturan && !dinamis ? await saring(opsi, (o) => q.check(o.kode)) : opsi;
  // nothing allowed (one account only, and it is the source): the rule's own words, nothing offered
  if (boleh.length === 0) return enforce(await q.check(opsi[0]!.kode));
  return askChoice(ctx, q, boleh);
}

/** `Jumlah (Rp)`, `Uraian (boleh kosong)`: the label as a treasurer says it, with its unit. */
export function judulTanya(f: Field, wajib = Boolean(f.required)): string {
  const satuan = f.type === 'jumlah' ? ' (Rp)' : '';
  const label = f.label.charAt(0).toUpperCase() + f.label.slice(1) + satuan;
  return wajib ? label : `${label} (boleh kosong)`;
}

/** A choice cannot be asked again: one that breaks the rule (no asnaf for zakat) is refused at once. */
async function askChoice(ctx: Context, q: Pertanyaan, opsi: Opsi[]): Promise<Nilai> {
  const choices = opsi.map((o) => ({ name: o.kode === o.nama ? o.nama : `${o.kode} — ${o.nama}`, value: o.kode }));
  if (!q.f.required) choices.unshift({ name: '(kosong)', value: KOSONG });
  const bawaan = q.bawaan ?? (q.f.required ? undefined : KOSONG);
  const v = await ctx.prompter.select<string>({ message: q.label, choices, default: bawaan });
  return enforce(await q.check(v === KOSONG ? '' : v));
}

/** A typed answer that fails its check is shown why and asked again. */
async function askText(ctx: Context, q: Pertanyaan): Promise<Nilai> {
  const validate = async (v: string) => {
    if (q.f.required && v.trim() === '') return pesan.wajibDiisiPrompt(q.f.label);
    const r = await q.check(v);
    return r.ok ? true : r.pesan;
  };
  for (;;) {
    const teks = await ctx.prompter.input({ message: q.label, default: q.bawaan, validate });
    const nilai = enforce(await q.check(teks));
    const tanya = await q.konfirmasi?.(nilai);
    if (!tanya || (await ctx.prompter.confirm({ message: tanya, default: true }))) return nilai;
  }
}

async function saring(opsi: Opsi[], lolos: (o: Opsi) => Promise<RuleResult<Nilai>>): Promise<Opsi[]> {
  const hasil: Opsi[] = [];
  for (const o of opsi) if ((await lolos(o)).ok) hasil.push(o);
  return hasil;
}

function lingkungan(ctx: Context, opts: Record<string, unknown>, env: Partial<FormEnv>): FormEnv {
  // a copy: a flag's answer changed at the summary is forgotten here, never in commander's options
  return { hariIni: ctx.today(), flag: { ...opts }, pilihan: {}, ...env };
}

/** Gathers every field of the form in order; each value passes its field's rule before the next is asked. */
export async function collect<F extends Form>(
  ctx: Context,
  form: F,
  opts: Record<string, unknown>,
  env: Partial<FormEnv> = {},
): Promise<Isi<F>> {
  const e = lingkungan(ctx, opts, env);
  const isi: Record<string, Nilai> = {};
  for (const [nama, f] of Object.entries(form)) isi[nama] = await gather(ctx, f, isi, e);
  return isi as Isi<F>;
}

/** Whether a field's answer came from its flag. */
function diberi(f: FormField, env: FormEnv): boolean {
  const given = env.flag[deriveField(f).key];
  return given !== undefined && given !== null && given !== false;
}

/** Whether a field is put to the person at the terminal (not given as a flag, asked in this form). */
function ditanya(ctx: Context, f: FormField, isi: Record<string, Nilai>, env: FormEnv): boolean {
  const given = env.flag[deriveField(f).key];
  if (given !== undefined && given !== null && given !== false) return false;
  const tanya = typeof f.tanya === 'function' ? f.tanya(isi, env) : f.tanya !== false;
  return ctx.interactive && tanya;
}

async function gather(ctx: Context, f: FormField, isi: Record<string, Nilai>, env: FormEnv): Promise<Nilai> {
  const d = deriveField(f);
  const given = env.flag[d.key];
  if (given !== undefined && given !== null && given !== false) return enforce(await d.check(String(given), isi, env));
  const bawaan = f.bawaan?.(isi, env) ?? (f.hariIni ? env.hariIni : f.nilaiBawaan);
  if (ditanya(ctx, f, isi, env)) return d.ask(ctx, isi, env, f.type === 'tanggal' ? tanggalIsian(bawaan) : bawaan);
  if (bawaan !== undefined) return enforce(await d.check(bawaan, isi, env));
  if (f.required) throw new UserError(pesan.wajibDiisi(f.label, flagOf(f)), flagOf(f));
  return enforce(await d.check('', isi, env));
}

/** A title and the lines of what is about to be written. */
export type Ringkasan = [string, [string, string][]];

/**
 * Gathers the form like `collect`, then at a terminal shows what will be written and asks:
 * Simpan, Ubah isian (one field asked again, the rest kept while they still hold), or Batal.
 */
export async function collectConfirmed<F extends Form>(
  ctx: Context,
  form: F,
  opts: Record<string, unknown>,
  env: Partial<FormEnv>,
  ringkas: (isi: Isi<F>) => Ringkasan | Promise<Ringkasan>,
): Promise<Isi<F>> {
  const e = lingkungan(ctx, opts, env);
  const isi: Record<string, Nilai> = {};
  for (const [nama, f] of Object.entries(form)) isi[nama] = await gather(ctx, f, isi, e);
  for (;;) {
    // built even for scripts: it may refuse what cannot be written, or warn
    const [judul, baris] = await ringkas(isi as Isi<F>);
    if (!ctx.interactive || ctx.yes) return isi as Isi<F>;
    tampilRingkasan(ctx, judul, baris);
    // every answer can be changed, a flag's too: the summary is where a typo in a flag is seen
    const bisaUbah = Object.values(form).filter((f) => ditanya(ctx, f, isi, e) || diberi(f, e));
    const jawab = await ctx.prompter.select<boolean | 'ubah'>({
      message: pesan.konfirmasiSimpan(),
      choices: [
        { name: 'Simpan', value: true },
        ...(bisaUbah.length ? [{ name: 'Ubah isian', value: 'ubah' as const }] : []),
        { name: 'Batal', value: false },
      ],
      default: true,
    });
    if (jawab === true) return isi as Isi<F>;
    if (jawab === false) throw new Dibatalkan(pesan.dibatalkanPengguna());
    await ubahSatu(ctx, form, isi, e, bisaUbah);
  }
}

/** One field asked again (its answer as the default); later fields are kept while their rules still hold. */
async function ubahSatu(ctx: Context, form: Form, isi: Record<string, Nilai>, env: FormEnv, bisa: FormField[]) {
  const nama = await ctx.prompter.select<string>({
    message: pesan.ubahIsianMana(),
    choices: bisa.map((f) => ({ name: `${judulTanya(f, true)}: ${tampilNilai(f, isi[f.name])}`, value: f.name })),
  });
  const urutan = Object.keys(form);
  const f = form[nama]!;
  isi[nama] = await deriveField(f).ask(ctx, isi, env, teksNilai(f, isi[nama]));
  // from now on the typed answer stands, not the flag
  delete env.flag[deriveField(f).key];
  for (const lanjut of urutan.slice(urutan.indexOf(nama) + 1)) {
    const g = form[lanjut]!;
    const dulu = isi[lanjut];
    const dariFlag = diberi(g, env);
    const tetap = dulu !== null && dulu !== undefined && (await tetapBerlaku(g, dulu, isi, env));
    if ((ditanya(ctx, g, isi, env) || dariFlag) && tetap) continue;
    // a flag's answer that no longer holds is asked, not refused
    if (dariFlag) delete env.flag[deriveField(g).key];
    isi[lanjut] = await gather(ctx, g, isi, env);
  }
}

async function tetapBerlaku(f: FormField, nilai: Nilai, isi: Record<string, Nilai>, env: FormEnv): Promise<boolean> {
  return f.aturan ? (await f.aturan(nilai, isi, env)).ok : true;
}

/** An answer as it would be typed again: the default when a field is asked once more. */
function teksNilai(f: Field, v: Nilai): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (f.type === 'tanggal') return tanggalIsian(String(v));
  if (f.type === 'kuantitas') return String(Number(v) / 1000).replace('.', ',');
  return String(v);
}

function tampilNilai(f: Field, v: Nilai): string {
  if (v === null || v === undefined || v === '') return '(kosong)';
  if (f.type === 'jumlah') return formatRupiah(Number(v));
  return teksNilai(f, v) ?? '';
}

function tampilRingkasan(ctx: Context, judul: string, baris: [string, string][]): void {
  const lebar = Math.max(...baris.map(([k]) => k.length));
  ctx.io.err(ctx.io.color.bold(judul));
  for (const [k, v] of baris) if (v !== '') ctx.io.err(`  ${k.padEnd(lebar)}  ${v}`);
}

/**
 * A positional argument: as given, else at a terminal picked from a list narrowed by typing,
 * else an error naming it and how to give it.
 */
export async function askArgumen(
  ctx: Context,
  given: string | undefined,
  a: { label: string; contoh: string; pilihan: () => Promise<Pilihan<string>[]> },
): Promise<string> {
  if (given !== undefined && given !== '') return given;
  if (!ctx.interactive) throw new UserError(pesan.argumenWajib(a.label, a.contoh));
  const semua = await a.pilihan();
  if (semua.length === 0) throw new UserError(pesan.tidakAdaPilihan(a.label));
  const message = judulTanya({ name: a.label, label: a.label, type: 'teks' }, true);
  return ctx.prompter.search<string>({ message, source: (t) => saringTeks(semua, t) });
}

/** A positional argument that is typed (a new code): as given, else asked until its check passes, else an error. */
export async function askArgumenTeks(
  ctx: Context,
  given: string | undefined,
  a: { label: string; contoh: string; check: (raw: string) => RuleResult<unknown> | Promise<RuleResult<unknown>> },
): Promise<string> {
  const periksa = async (raw: string): Promise<RuleResult<unknown>> => {
    try {
      return await a.check(raw);
    } catch (err) {
      if (err instanceof UserError) return refuse(err);
      throw err;
    }
  };
  if (given === undefined || given === '') {
    if (!ctx.interactive) throw new UserError(pesan.argumenWajib(a.label, a.contoh));
    const validate = async (v: string) => {
      if (v.trim() === '') return pesan.wajibDiisiPrompt(judulTanya({ name: a.label, label: a.label, type: 'teks' }));
      const r = await periksa(v.trim());
      return r.ok ? true : r.pesan;
    };
    const message = judulTanya({ name: a.label, label: a.label, type: 'teks' }, true);
    given = await ctx.prompter.input({ message, validate });
  }
  enforce(await periksa(given.trim()));
  return given.trim();
}

/** The choices whose shown text holds every typed word, any case. */
export function saringTeks<T>(semua: Pilihan<T>[], term: string): Pilihan<T>[] {
  const kata = term.toLowerCase().split(/\s+/).filter(Boolean);
  return semua.filter((p) => kata.every((k) => p.name.toLowerCase().includes(k)));
}

/** Only the fields given as flags, parsed and nothing asked (`ubah`): the write path checks the whole row. */
export function collectGiven(
  form: Form,
  opts: Record<string, unknown>,
  env: Partial<FieldEnv> = {},
): Record<string, Nilai> {
  const isi: Record<string, Nilai> = {};
  for (const [nama, f] of Object.entries(form)) {
    const raw = opts[deriveField(f).key];
    if (raw !== undefined) isi[nama] = parseField(f, String(raw), env.ref);
  }
  return isi;
}

/** One `--flag <value>` per field of the form, described from its declaration. */
export function declareOptions(cmd: Command, form: Form): Command {
  for (const [nama, f] of Object.entries(form)) {
    if (nama !== f.name) throw new Error(`isian ${f.name} tercatat sebagai ${nama}`);
    const d = deriveField(f);
    cmd.option(d.flags, d.description);
  }
  return cmd;
}

/** The same fields, none of them required (the flags of `ubah`). */
export function opsional<F extends Form>(form: F): Form {
  return Object.fromEntries(Object.entries(form).map(([k, f]) => [k, { ...f, required: false }]));
}

/** A form from a book's declared fields, in their order. */
export function formDari(fields: Field[]): Form {
  return Object.fromEntries(fields.map((f) => [f.name, f]));
}

export class Dibatalkan extends LedgerError {}

/** At a terminal, shows what is about to be written and asks Simpan or Batal; scripts and --yes go straight on. */
export async function confirmSummary(ctx: Context, judul: string, baris: [string, string][]): Promise<void> {
  if (!ctx.interactive || ctx.yes) return;
  tampilRingkasan(ctx, judul, baris);
  const simpan = await ctx.prompter.select<boolean>({
    message: pesan.konfirmasiSimpan(),
    choices: [
      { name: 'Simpan', value: true },
      { name: 'Batal', value: false },
    ],
    default: true,
  });
  if (!simpan) throw new Dibatalkan(pesan.dibatalkanPengguna());
}
