// What every command module builds on: a subcommand with Indonesian help and errors, and the
// wrapper type its actions run in. Kept apart from program.ts so commands never import the registry.
import { type Command, Help } from 'commander';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import type { Context } from './context.js';

export type Action = (ctx: Context, opts: Record<string, unknown>, args: string[]) => Promise<void>;
export type Run = (action: Action) => (...args: unknown[]) => Promise<void>;

const JUDUL: Record<string, string> = {
  'Usage:': 'Pemakaian:',
  'Options:': 'Opsi:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
  'Global Options:': 'Opsi umum:',
};

export class BantuanIndonesia extends Help {
  override styleTitle(str: string): string {
    return JUDUL[str] ?? str;
  }

  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[options]', '[opsi]').replace('[command]', '[perintah]');
  }

  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace('[options]', '[opsi]');
  }
}

const TERJEMAHAN: [RegExp, string][] = [
  [/^error: unknown option '([^']+)'/, 'opsi tidak dikenal: $1'],
  [/^error: unknown command '([^']+)'/, 'perintah tidak dikenal: $1 (lihat wksbm --help)'],
  [/^error: missing required argument '([^']+)'/, 'argumen $1 wajib diisi'],
  [/^error: option '([^']+)' argument missing/, 'opsi $1 perlu nilai'],
  [/^error: too many arguments.*/, 'terlalu banyak argumen'],
  [/^error: /, ''],
  [/\(Did you mean (.+)\?\)/, '(maksudnya $1?)'],
];

export function translateCommanderMessage(text: string): string {
  let s = text.trim();
  for (const [re, ganti] of TERJEMAHAN) s = s.replace(re, ganti);
  return s;
}

export function configure(cmd: Command): Command {
  return cmd
    .exitOverride()
    .configureOutput({ outputError: (str, write) => write(translateCommanderMessage(str) + '\n') })
    .helpOption('-h, --help', 'tampilkan bantuan')
    .helpCommand(false);
}

/** A subcommand with the program's error handling and Indonesian help. */
export function subcommand(parent: Command, nameAndArgs: string, description: string): Command {
  const c = parent.command(nameAndArgs).description(description);
  c.createHelp = () => Object.assign(new BantuanIndonesia(), c.configureHelp());
  return configure(c);
}

/** `--csv` and its separator, for every `daftar`. */
export function opsiCsv(cmd: Command): Command {
  return cmd
    .option('--csv', 'keluaran CSV (pemisah ; dan BOM UTF-8, terbuka rapi di Excel berbahasa Indonesia)')
    .option('--pemisah <tanda>', 'pemisah kolom CSV: ; (bawaan), , atau tab');
}

/** The separator `--csv` writes with, or null when no CSV was asked for. */
export function pemisahCsv(opts: Record<string, unknown>): string | null {
  if (!opts.csv) return null;
  const v = opts.pemisah === undefined ? ';' : String(opts.pemisah);
  const p = v.toLowerCase() === 'tab' || v === '\\t' ? '\t' : v;
  if (![';', ',', '\t'].includes(p)) throw new UserError(pesan.pemisahTidakSah(v), 'pemisah');
  return p;
}
