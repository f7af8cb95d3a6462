// Gathers a command's fields: from flags first, then (at a terminal) by asking, else from defaults;
// a missing required field without a terminal is an error naming its flag.
import { type Field, type Nilai, type Opsi, flagOf, optionKey, optionsOf, parseField } from '../books/field.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { Context } from './context.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';

export interface FormField extends Field {
  /** default as the user would type it, from what was gathered so far */
  bawaan?: (nilai: Record<string, Nilai>) => string | undefined;
  /** choices from the unit's own data (donors, members, PPKS) for the prompt */
  opsiDinamis?: Opsi[];
  /** a parser other than the type's own (e.g. a donor by ID, phone or name) */
  parse?: (raw: string) => Nilai;
  /** whether to ask at a terminal when not given (default: yes) */
  tanya?: boolean | ((nilai: Record<string, Nilai>) => boolean);
}

const KOSONG = '\u0000kosong';

export async function collect(ctx: Context, fields: FormField[], opts: Record<string, unknown>, ref?: Referensi): Promise<Record<string, Nilai>> {
  const nilai: Record<string, Nilai> = {};
  const parse = (f: FormField, raw: string) => (f.parse && raw.trim() !== '' ? f.parse(raw.trim()) : parseField(f, raw, ref));
  for (const f of fields) {
    const given = opts[optionKey(f)];
    if (given !== undefined && given !== null && given !== false) {
      nilai[f.name] = parse(f, String(given));
      continue;
    }
    const bawaan = f.bawaan?.(nilai);
    const tanya = typeof f.tanya === 'function' ? f.tanya(nilai) : f.tanya !== false;
    if (ctx.interactive && tanya) {
      nilai[f.name] = await ask(ctx, f, bawaan, ref, parse);
    } else if (bawaan !== undefined) {
      nilai[f.name] = parse(f, bawaan);
    } else if (f.required) {
      throw new UserError(pesan.wajibDiisi(f.label, flagOf(f)));
    } else {
      nilai[f.name] = null;
    }
  }
  return nilai;
}

async function ask(ctx: Context, f: FormField, bawaan: string | undefined, ref: Referensi | undefined, parse: (f: FormField, raw: string) => Nilai): Promise<Nilai> {
  const label = f.required ? f.label : `${f.label} (boleh kosong)`;
  const opsi = f.opsiDinamis ?? optionsOf(f, ref);
  if (opsi.length > 0) {
    const choices = opsi.map((o) => ({ name: o.kode === o.nama ? o.nama : `${o.kode} — ${o.nama}`, value: o.kode }));
    if (!f.required) choices.unshift({ name: '(kosong)', value: KOSONG });
    const v = await ctx.prompter.select<string>({ message: label, choices, default: bawaan ?? (f.required ? undefined : KOSONG) });
    return v === KOSONG ? null : parse(f, v);
  }
  const teks = await ctx.prompter.input({
    message: label,
    default: bawaan,
    validate: (v) => {
      if (f.required && v.trim() === '') return pesan.wajibDiisiPrompt(f.label);
      try {
        parse(f, v);
        return true;
      } catch (err) {
        return (err as Error).message;
      }
    },
  });
  return parse(f, teks);
}

export class Dibatalkan extends LedgerError {}

/** At a terminal, shows what is about to be written and asks; scripts and --yes go straight on. */
export async function confirmSummary(ctx: Context, judul: string, baris: [string, string][]): Promise<void> {
  if (!ctx.interactive || ctx.yes) return;
  const lebar = Math.max(...baris.map(([k]) => k.length));
  ctx.io.err(ctx.io.color.bold(judul));
  for (const [k, v] of baris) if (v !== '') ctx.io.err(`  ${k.padEnd(lebar)}  ${v}`);
  if (!(await ctx.prompter.confirm({ message: pesan.konfirmasiSimpan(), default: true }))) throw new Dibatalkan(pesan.dibatalkanPengguna());
}

/** One `--flag <nilai>` per field, described by its label. */
export function addFieldOptions(cmd: import('commander').Command, fields: Field[]): import('commander').Command {
  for (const f of fields) cmd.option(`--${flagOf(f)} <${f.type === 'jumlah' ? 'jumlah' : f.type === 'tanggal' ? 'tanggal' : 'nilai'}>`, f.label + (f.help ? ` (${f.help})` : ''));
  return cmd;
}
