// The one module that talks to a person at a terminal. Tests replace it with a scripted fake.
import { temaCari, temaCentang, temaPilih, temaYaTidak } from './tema.js';

export interface Pilihan<T = string> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/** A prompt's verdict on an answer: accepted, or the message to show before asking again. */
export type Periksa = true | string;

export interface Masukan {
  message: string;
  default?: string;
  validate?: (v: string) => Periksa | Promise<Periksa>;
}

export interface Prompter {
  input(o: Masukan): Promise<string>;
  select<T>(o: { message: string; choices: Pilihan<T>[]; default?: T }): Promise<T>;
  checkbox<T>(o: { message: string; choices: Pilihan<T>[] }): Promise<T[]>;
  confirm(o: { message: string; default?: boolean }): Promise<boolean>;
  /** a list narrowed by what is typed (a voucher among hundreds) */
  search<T>(o: Cari<T>): Promise<T>;
}

export interface Cari<T> {
  message: string;
  /** the choices matching the typed text (all of them when nothing is typed) */
  source: (term: string) => Pilihan<T>[] | Promise<Pilihan<T>[]>;
}

/** @inquirer/prompts, loaded only when a prompt is really shown; prompts go to stderr so stdout stays data. */
export function inquirerPrompter(): Prompter {
  const ctx = { output: process.stderr };
  // a bundle run by src/cli/muat.ts is a script with no import() of its own: it borrows muat's
  const pinjam = (globalThis as { __wksbmImpor?: (s: string) => Promise<unknown> }).__wksbmImpor;
  const load = () =>
    (pinjam ? pinjam('@inquirer/prompts') : import('@inquirer/prompts')) as Promise<typeof import('@inquirer/prompts')>;
  return {
    input: async (o) => (await load()).input({ message: o.message, default: o.default, validate: o.validate }, ctx),
    select: async <T>(o: { message: string; choices: Pilihan<T>[]; default?: T }) =>
      (await load()).select<T>(
        { message: o.message, choices: o.choices, default: o.default, pageSize: 12, loop: false, theme: temaPilih },
        ctx,
      ),
    checkbox: async <T>(o: { message: string; choices: Pilihan<T>[] }) =>
      (await load()).checkbox<T>(
        { message: o.message, choices: o.choices, pageSize: 15, loop: false, theme: temaCentang },
        ctx,
      ),
    confirm: async (o) =>
      (await load()).confirm({ message: o.message, default: o.default ?? true, theme: temaYaTidak }, ctx),
    search: async <T>(o: Cari<T>) =>
      (await load()).search<T>(
        { message: o.message, source: async (term) => o.source(term ?? ''), pageSize: 12, theme: temaCari },
        ctx,
      ),
  };
}

/** A prompter that answers from a list, in order; for tests of interactive flows. */
export function scriptedPrompter(jawaban: unknown[], log: string[] = []): Prompter {
  const next = (message: string): unknown => {
    log.push(message);
    if (jawaban.length === 0) throw new Error(`tidak ada jawaban untuk pertanyaan: ${message}`);
    return jawaban.shift();
  };
  return {
    input: async (o) => {
      const v = next(o.message);
      const s = v === undefined ? (o.default ?? '') : String(v);
      const ok = o.validate ? await o.validate(s) : true;
      if (ok !== true) throw new Error(`jawaban ditolak (${o.message}): ${ok}`);
      return s;
    },
    select: async <T>(o: { message: string; choices: Pilihan<T>[]; default?: T }) => {
      const v = next(o.message);
      const c = o.choices.find((x) => x.value === v);
      if (v === undefined && o.default !== undefined) return o.default;
      if (!c) throw new Error(`pilihan ${String(v)} tidak ada untuk ${o.message}`);
      return c.value;
    },
    checkbox: async <T>(o: { message: string; choices: Pilihan<T>[] }) => {
      const v = next(o.message) as T[];
      return o.choices.filter((c) => v.includes(c.value)).map((c) => c.value);
    },
    confirm: async (o) => {
      const v = next(o.message);
      return v === undefined ? (o.default ?? true) : Boolean(v);
    },
    // the answer is the value to pick, or the text to type (the first match is taken)
    search: async <T>(o: Cari<T>) => {
      const v = next(o.message);
      const all = await o.source('');
      const c = all.find((x) => x.value === v) ?? (await o.source(String(v)))[0];
      if (!c) throw new Error(`pilihan ${String(v)} tidak ada untuk ${o.message}`);
      return c.value;
    },
  };
}
