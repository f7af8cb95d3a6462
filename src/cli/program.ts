// The commander program: global options, Indonesian help, and the wrapper every action runs in.
import { Command } from 'commander';
import { petakanGalat } from '../db/galat.js';
import { firstCommand } from './argv.js';
import { BantuanIndonesia, configure, type Run } from './command.js';
import { type ContextParts, createContext, type GlobalOptions } from './context.js';
import { processIo } from './output.js';
import { COMMANDS } from './registry.js';
import { VERSION } from './version.js';

/** Builds the program; only the command named in argv is loaded (all of them for top-level help). */
export async function buildProgram(argv: string[], parts: ContextParts = {}): Promise<Command> {
  const io = parts.io ?? processIo();
  const program = new Command('wksbm');
  program.createHelp = () => Object.assign(new BantuanIndonesia(), program.configureHelp());
  // Help, --version and usage errors go where the commands write (subcommands inherit this when created).
  program.configureOutput({
    writeOut: (s) => io.out(s),
    writeErr: (s) => io.err(s),
    // undefined when not a terminal, as commander's own default (its typings say number)
    getOutHelpWidth: () => io.terminal?.out?.columns as number,
    getErrHelpWidth: () => io.terminal?.err?.columns as number,
  });
  configure(program)
    .description('Pembukuan WKSBM: 13 buku administrasi dan laporan triwulan untuk Dinas Sosial.')
    .version(VERSION, '-V, --version', 'tampilkan versi')
    .option('--db <berkas>', 'berkas buku unit (bawaan: $WKSBM_DB, lalu ./wksbm.sqlite)')
    .option('--json', 'keluaran JSON untuk skrip')
    .option('--no-input', 'jangan pernah bertanya; isian wajib yang kurang menjadi galat')
    .option('-y, --yes', 'jawab ya untuk konfirmasi')
    .showSuggestionAfterError(true);

  const run: Run =
    (action) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const opts = command.optsWithGlobals() as Record<string, unknown>;
      const positional = args
        .slice(0, -2)
        .flatMap((a) => (Array.isArray(a) ? a.map(String) : a === undefined ? [] : [String(a)]));
      const ctx = createContext(opts as GlobalOptions, { ...parts, io });
      try {
        await action(ctx, opts, positional);
      } catch (err) {
        throw petakanGalat(err, ctx.dbPath);
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
