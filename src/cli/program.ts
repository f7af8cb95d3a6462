// The commander program: global options, Indonesian help, and the wrapper every action runs in.
import { Command, Help } from 'commander';
import { type Context, type ContextParts, type GlobalOptions, createContext } from './context.js';
import { COMMANDS } from './registry.js';
import { VERSION } from './version.js';

export type Action = (ctx: Context, opts: Record<string, unknown>, args: string[]) => Promise<void>;
export type Run = (action: Action) => (...args: unknown[]) => Promise<void>;

const JUDUL: Record<string, string> = {
  'Usage:': 'Pemakaian:',
  'Options:': 'Opsi:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
  'Global Options:': 'Opsi umum:',
};

class BantuanIndonesia extends Help {
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

/** Builds the program; only the command named in argv is loaded (all of them for top-level help). */
export async function buildProgram(argv: string[], parts: ContextParts = {}): Promise<Command> {
  const program = new Command('wksbm');
  program.createHelp = () => Object.assign(new BantuanIndonesia(), program.configureHelp());
  configure(program)
    .description('Pembukuan WKSBM: 13 buku administrasi dan laporan triwulan untuk Dinas Sosial.')
    .version(VERSION, '-V, --version', 'tampilkan versi')
    .option('--db <berkas>', 'berkas buku unit (bawaan: $WKSBM_DB, lalu ./wksbm.sqlite)')
    .option('--json', 'keluaran JSON untuk skrip')
    .option('--no-input', 'jangan pernah bertanya; isian wajib yang kurang menjadi galat')
    .option('-y, --yes', 'jawab ya untuk konfirmasi')
    .showSuggestionAfterError(true);

  const run: Run = (action) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const opts = command.optsWithGlobals() as Record<string, unknown>;
    const positional = args.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a.map(String) : a === undefined ? [] : [String(a)]));
    const ctx = createContext(opts as GlobalOptions, parts);
    try {
      await action(ctx, opts, positional);
    } finally {
      await ctx.close();
    }
  };

  const name = firstCommand(argv.slice(2));
  const chosen = COMMANDS.filter((c) => c.name === name);
  for (const entry of chosen.length ? chosen : COMMANDS) {
    const mod = await entry.load();
    mod.register(program, run);
  }
  return program;
}

/** The first word that is not a global option or its value. */
function firstCommand(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--db') {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return a;
  }
  return undefined;
}

/** A subcommand with the program's error handling and Indonesian help. */
export function subcommand(parent: Command, nameAndArgs: string, description: string): Command {
  const c = parent.command(nameAndArgs).description(description);
  c.createHelp = () => Object.assign(new BantuanIndonesia(), c.configureHelp());
  return configure(c);
}
