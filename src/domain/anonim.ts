// The right to erasure (UU 27/2022): what an anonymised person is called, and how `periksa` accepts
// the rows the act rewrote.
//
// Design. A cash or stock row and a journal entry are hashed over their text, and those hashes have
// left the file (workbooks, a closing's seal). Rewriting a name there must not rewrite the chain: the
// stored `hash` and `hash_sebelum` columns stay as they were, so every seal still matches. The act
// (a journal entry `anonimkan`, with reason, who, copy and time) records for each row it rewrote the
// stored hash (`lama`) and the hash of the rewritten content (`baru`). A checker that recomputes a
// row's hash takes `lama` in its place exactly when the recomputed hash is `baru`: the act's rows pass,
// and any other edit of them (an amount, a date) gives yet another hash and is found as before.
// The act is itself in the journal chain, so it cannot be removed or altered without a finding.

/** A row (cash, stock or journal entry) whose text an erasure rewrote. */
export interface GantiHash {
  tabel: 'kas' | 'natura' | 'jurnal';
  id: number;
  /** the hash stored in the row, which the chain and every seal hold */
  lama: string;
  /** the hash of the row as rewritten */
  baru: string;
}

/** What an erasure act records in the journal. */
export interface IsiAnonim {
  alasan: string;
  oleh: string;
  ganti: GantiHash[];
}

export type PetaGanti = ReadonlyMap<string, GantiHash>;

const kunci = (tabel: string, id: number) => `${tabel}:${id}`;

/** The acts' rewrites by row; a later act on the same row supersedes an earlier one. */
export function petaGanti(acts: IsiAnonim[]): PetaGanti {
  const peta = new Map<string, GantiHash>();
  for (const a of acts) for (const g of a.ganti) peta.set(kunci(g.tabel, g.id), g);
  return peta;
}

/** The hash a checker should chain on: the stored one when this row is exactly as an erasure left it. */
export function hashTercatat(peta: PetaGanti | undefined, tabel: GantiHash['tabel'], id: number, dihitung: string) {
  const g = peta?.get(kunci(tabel, id));
  return g && g.baru === dihitung ? g.lama : dihitung;
}

/** "PPKS #12 (dianonimkan)": what the recipient, donor or guest reads wherever the name was. */
export const namaAnonim = (sebutan: string, id: number) => `${sebutan} #${id} (dianonimkan)`;

/** Every occurrence of the old personal values (name, NIK) in a text, any case, replaced. */
export function gantiTeks(teks: unknown, lama: string[], pengganti: string): unknown {
  if (typeof teks !== 'string') return teks;
  let hasil = teks;
  for (const l of lama.filter((x) => x.trim().length >= 3).sort((a, b) => b.length - a.length)) {
    const pola = new RegExp(l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    hasil = hasil.replace(pola, pengganti);
  }
  return hasil;
}
