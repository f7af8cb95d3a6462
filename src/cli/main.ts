// The one place errors become messages and exit codes.

import { adalahKendala, tempatKendala } from '../db/kendala.js';
import { pesan, tampak } from '../domain/pesan.js';
import { mintaVersi, VERSION } from './argv.js';
import type { ContextParts } from './context.js';
import { exitCodeOf, isCommanderError } from './errors.js';
import { terjemahkanGalatBerkas } from './galat-sistem.js';
import { type Io, processIo } from './output.js';

/** Whatever a message quotes, a terminal sees no control character but the line breaks between sentences. */
const tanpaKendaliTerminal = (m: string) => m.split('\n').map(tampak).join('\n');

export async function main(argv: string[], parts: ContextParts = {}): Promise<number> {
  const asli = parts.io ?? processIo();
  let ditulis = false;
  const io: Io = {
    ...asli,
    out: (t) => {
      ditulis = true;
      asli.out(t);
    },
  };
  // the version alone needs neither commander nor any command: answered before anything else loads
  if (mintaVersi(argv)) {
    io.out(VERSION);
    return 0;
  }
  try {
    const { buildProgram } = await import('./program.js');
    const program = await buildProgram(argv, { ...parts, io });
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    const { translateCommanderMessage } = await import('./command.js');
    const galat = report(err, io.err, io.color.red, translateCommanderMessage);
    // stdout holds one JSON document: a result already printed (`impor --ketat`) stays the only one
    if (galat.kode !== 0 && mintaJson(argv) && !ditulis) io.out(JSON.stringify({ galat }));
    return galat.kode;
  }
}

/** What a script reads on stdout when a `--json` run fails: the exit code, the sentence, the option. */
interface Galat {
  kode: number;
  pesan: string;
  isian?: string;
}

/** `--json` among the global options (before a lone `--`, after which words are values). */
function mintaJson(argv: string[]): boolean {
  const args = argv.slice(2);
  const akhir = args.indexOf('--');
  return (akhir === -1 ? args : args.slice(0, akhir)).includes('--json');
}

function report(
  err: unknown,
  write: Io['err'],
  red: (s: string) => string,
  translateCommanderMessage: (m: string) => string,
): Galat {
  if (process.env.WKSBM_DEBUG === '1' && err instanceof Error && !isCommanderError(err))
    write(err.stack ?? String(err));
  // commander has already printed its (translated) message
  if (isCommanderError(err))
    return { kode: exitCodeOf(err), pesan: translateCommanderMessage(err.message), ...opsiDari(err.message) };
  if (err instanceof Error && err.name === 'ExitPromptError') {
    write(pesan.dibatalkanPengguna());
    return { kode: 130, pesan: pesan.dibatalkanPengguna() };
  }
  if (adalahKendala(err)) {
    // the safety net: a constraint no rule caught is still bad input, said in Indonesian
    const kalimat = pesan.kendalaBuku(...tempatKendala((err as Error).message));
    write(red(kalimat));
    return { kode: 2, pesan: kalimat };
  }
  const berkas = terjemahkanGalatBerkas(err);
  if (berkas) {
    write(red(berkas.pesan));
    return berkas;
  }
  const kode = exitCodeOf(err);
  let message = tanpaKendaliTerminal(err instanceof Error ? err.message : String(err));
  if (kode === 1 && !(err instanceof Error && 'exitCode' in err)) {
    const busy = /SQLITE_BUSY|database is locked/i.test(message);
    message = busy ? pesan.berkasTerkunci() : pesan.galatTakTerduga(message);
  }
  write(red(message));
  const isian = err instanceof Error && 'isian' in err && typeof err.isian === 'string' ? err.isian : undefined;
  return { kode, pesan: message, ...(isian ? { isian } : {}) };
}

/** The option a usage error is about (`--jumlah` given without a value), without its dashes. */
function opsiDari(message: string): { isian?: string } {
  const m = /option '(?:-\w, )?--([\w-]+)/.exec(message);
  return m ? { isian: m[1]! } : {};
}
