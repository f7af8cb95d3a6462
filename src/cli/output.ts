// Where results and messages go: stdout for data, stderr for people, colour only on a terminal.
import { Chalk, type ChalkInstance } from 'chalk';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: ChalkInstance;
  /** The streams that are terminals (help width, progress bars); none when output is piped or captured. */
  terminal?: { out?: NodeJS.WriteStream; err?: NodeJS.WriteStream };
}

/** Set once the reader of stdout has gone (`wksbm kas daftar | head -1`): the rest is not wanted. */
let pipaTertutup = false;
let pendengar = false;

/**
 * A reader that closes the pipe early is not an error: the command finishes what it writes to the
 * file, its output is dropped, and it ends with its own exit code and no stack trace.
 */
function abaikanPipaTertutup(): void {
  if (pendengar) return;
  pendengar = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    pipaTertutup = true;
  });
}

export function processIo(): Io {
  abaikanPipaTertutup();
  const warna = !process.env.NO_COLOR && Boolean(process.stdout.isTTY);
  return {
    out: (t) => void (pipaTertutup || process.stdout.write(t.endsWith('\n') ? t : t + '\n')),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    color: new Chalk({ level: warna ? 1 : 0 }),
    terminal: {
      out: process.stdout.isTTY ? process.stdout : undefined,
      err: process.stderr.isTTY ? process.stderr : undefined,
    },
  };
}
