// Where results and messages go: stdout for data, stderr for people, colour only on a terminal.
import { Chalk, type ChalkInstance } from 'chalk';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: ChalkInstance;
  /** The streams that are terminals (help width, progress bars); none when output is piped or captured. */
  terminal?: { out?: NodeJS.WriteStream; err?: NodeJS.WriteStream };
}

export function processIo(): Io {
  const warna = !process.env.NO_COLOR && Boolean(process.stdout.isTTY);
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    color: new Chalk({ level: warna ? 1 : 0 }),
    terminal: { out: process.stdout.isTTY ? process.stdout : undefined, err: process.stderr.isTTY ? process.stderr : undefined },
  };
}
