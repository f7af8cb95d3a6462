// What a command runs with: the ledger file, how to talk to the user, the clock.
import os from 'node:os';
import type { Ledger } from '../db/connection.js';
import { hariIni } from '../domain/dates.js';
import type { Jejak } from '../domain/jejak.js';
import { type Io, processIo } from './output.js';
import { inquirerPrompter, type Prompter } from './prompter.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  input?: boolean;
  yes?: boolean;
}

export interface Context {
  dbPath: string;
  json: boolean;
  interactive: boolean;
  yes: boolean;
  io: Io;
  prompter: Prompter;
  today(): string;
  now(): string;
  user(): string;
  /** today, now and who, for a write service */
  jejak(): Jejak;
  ledger(opts?: { create?: boolean }): Promise<Ledger>;
  close(): Promise<void>;
}

export interface ContextParts {
  io?: Io;
  prompter?: Prompter;
  /** whether stdin is a terminal (bawaan: process.stdin.isTTY); --no-input still turns prompts off */
  interactive?: boolean;
}

export function createContext(g: GlobalOptions, parts: ContextParts = {}): Context {
  let opened: Ledger | undefined;
  const interactive = g.input !== false && (parts.interactive ?? Boolean(process.stdin.isTTY));
  return {
    dbPath: g.db ?? process.env.WKSBM_DB ?? 'wksbm.sqlite',
    json: Boolean(g.json),
    interactive,
    yes: Boolean(g.yes),
    io: parts.io ?? processIo(),
    prompter: parts.prompter ?? inquirerPrompter(),
    today: () => hariIni(),
    now: () => new Date().toISOString(),
    user: () => process.env.WKSBM_PENGGUNA ?? safeUsername(),
    jejak() {
      return { hariIni: this.today(), waktu: this.now(), oleh: this.user() };
    },
    async ledger(opts = {}) {
      // SQLite and the query builder load only for a command that opens the file (not for --help)
      const { openLedger } = await import('../db/connection.js');
      opened ??= await openLedger(this.dbPath, opts);
      return opened;
    },
    async close() {
      await opened?.close();
      opened = undefined;
    },
  };
}

function safeUsername(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'tidak diketahui';
  }
}
