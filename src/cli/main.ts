// The one place errors become messages and exit codes.
import { exitCodeOf, isCommanderError } from './errors.js';
import type { ContextParts } from './context.js';
import { processIo } from './output.js';
import { pesan, tampak } from '../domain/pesan.js';
import { buildProgram } from './program.js';
import { adalahKendala, tempatKendala } from '../db/kendala.js';

/** Whatever a message quotes, a terminal sees no control character but the line breaks between sentences. */
const tanpaKendaliTerminal = (m: string) => m.split('\n').map(tampak).join('\n');

export async function main(argv: string[], parts: ContextParts = {}): Promise<number> {
  const io = parts.io ?? processIo();
  try {
    const program = await buildProgram(argv, { ...parts, io });
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    return report(err, io.err, io.color.red);
  }
}

function report(err: unknown, write: (s: string) => void, red: (s: string) => string): number {
  if (process.env.WKSBM_DEBUG === '1' && err instanceof Error && !isCommanderError(err)) write(err.stack ?? String(err));
  if (isCommanderError(err)) return exitCodeOf(err); // commander has already printed its (translated) message
  if (err instanceof Error && err.name === 'ExitPromptError') {
    write(pesan.dibatalkanPengguna());
    return 130;
  }
  if (adalahKendala(err)) {
    // the safety net: a constraint no rule caught is still bad input, said in Indonesian
    write(red(pesan.kendalaBuku(...tempatKendala((err as Error).message))));
    return 2;
  }
  const code = exitCodeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === 1 && !(err instanceof Error && 'exitCode' in err)) {
    const busy = /SQLITE_BUSY|database is locked/i.test(message);
    write(red(busy ? pesan.berkasTerkunci() : pesan.galatTakTerduga(tanpaKendaliTerminal(message))));
  } else {
    write(red(tanpaKendaliTerminal(message)));
  }
  return code;
}
