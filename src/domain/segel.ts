// The seal of a report: where each append-only chain stood (how many rows, the last hash, and
// checkpoints along the way), so a ledger rewritten on the laptop no longer matches a workbook
// that has left it. The printed kode segel is a short digest of the chain heads and the figures.
import { createHash } from './kripto.js';

/** The head of one chain at sealing time; `titik` holds [id, first 16 hex of hash] every `langkah` rows. */
export interface KepalaRantai {
  jumlah: number;
  id: number | null;
  hash: string;
  langkah: number;
  titik: [number, string][];
}

export interface RantaiSegel {
  kas: KepalaRantai;
  natura: KepalaRantai;
  /** the journal of every other book; absent in seals made before it was sealed */
  jurnal?: KepalaRantai;
}

export interface Segel {
  rantai: RantaiSegel;
  kode: string;
}

/** At most this many checkpoints per chain, so a million-row book still seals in a few kilobytes. */
export const TITIK_MAKS = 1000;
export const PANJANG_TITIK = 16;

export function langkahTitik(jumlah: number): number {
  return Math.max(1, Math.ceil(jumlah / TITIK_MAKS));
}

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not misread.
const ABJAD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(buf: Buffer, panjang: number): string {
  let out = '';
  let bit = 0;
  let nilai = 0;
  for (const b of buf) {
    nilai = (nilai << 8) | b;
    bit += 8;
    while (bit >= 5 && out.length < panjang) {
      out += ABJAD[(nilai >>> (bit - 5)) & 31];
      bit -= 5;
    }
    nilai &= 0xff;
    if (out.length >= panjang) break;
  }
  return out;
}

/** 12 characters (60 bits) over the chain heads and the report's figures, grouped ABCD-EFGH-JKMN. */
export function kodeSegel(rantai: RantaiSegel, figures: unknown): string {
  return kodeSegelTeks(rantai, JSON.stringify(figures));
}

/** kodeSegel of figures already written as JSON (the text JSON.stringify gives them). */
function kodeSegelTeks(rantai: RantaiSegel, figures: string): string {
  const kepala = (k: KepalaRantai) => JSON.stringify([k.jumlah, k.id, k.hash]);
  // an older seal has no journal head: JSON leaves the key out, so its code reads as it was printed
  const jurnal = rantai.jurnal && kepala(rantai.jurnal);
  const isi = objekJson([
    ['kas', kepala(rantai.kas)],
    ['natura', kepala(rantai.natura)],
    ['jurnal', jurnal],
    ['figures', figures],
  ]);
  const kode = base32(createHash('sha256').update(isi, 'utf8').digest(), 12);
  return kode.match(/.{4}/g)!.join('-');
}

/**
 * The JSON text of an object from its keys and its values' JSON texts, as JSON.stringify writes it (a value
 * left undefined leaves its key out): a large value is written once, not once more inside its parent's text.
 */
export function objekJson<K extends string>(pasangan: [K, string | undefined][]): string {
  const isi = pasangan.filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
  return `{${isi.join(',')}}`;
}

/**
 * A quarterly workbook's code: the chain heads and every figure of its `_data` (the summary and the
 * numbers of its visible cells), so the one code printed on the signed page checks the workbook too.
 */
export function kodeSegelLaporan(rantai: RantaiSegel, data: { laporan: unknown; sel?: unknown }): string {
  return kodeSegel(rantai, { laporan: data.laporan, sel: data.sel ?? {} });
}

/** kodeSegelLaporan of the summary and the cells' numbers already written as JSON (a workbook being written). */
export function kodeSegelLaporanTeks(rantai: RantaiSegel, laporan: string, sel: string): string {
  return kodeSegelTeks(
    rantai,
    objekJson([
      ['laporan', laporan],
      ['sel', sel],
    ]),
  );
}
