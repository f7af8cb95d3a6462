// Balances by day, for the floor rule (an account, a restricted fund or a stock item never below zero
// at any day's end from an entry's date on) and for the day totals kept in `saldo_harian`.
// Days are numbered from 1900-01-01, the first date tryParseDate accepts.
import { bagian, triwulanDari } from '../domain/dates.js';

/** What a balance belongs to: a cash account, a fund, or a stock item (kode is the item's name). */
export type Buku = 'akun' | 'dana' | 'stok';

/** How one posted row moves one balance: + raises it. */
export interface Gerak {
  buku: Buku;
  kode: string;
  gerak: number;
}

/** The first day-end below zero, and the balance it would have. */
export interface TitikMinus {
  tanggal: string;
  saldo: number;
}

const HARI_AWAL = Date.UTC(1900, 0, 1);
/** days 1900-01-01 … 2258: past the end of 2200, the last year tryParseDate accepts */
export const JUMLAH_HARI = 1 << 17;

export interface InfoTanggal {
  hari: number;
  tahun: number;
  /** `tahun-triwulan`, as closed quarters are kept */
  triwulan: string;
}

// A million-row import asks about a few thousand distinct dates: compute each once.
const cache = new Map<string, InfoTanggal>();
export function infoTanggal(tanggal: string): InfoTanggal {
  let n = cache.get(tanggal);
  if (n === undefined) {
    const { tahun, bulan, hari } = bagian(tanggal);
    const t = triwulanDari(tanggal);
    n = {
      hari: Math.round((Date.UTC(tahun, bulan - 1, hari) - HARI_AWAL) / 86_400_000),
      tahun,
      triwulan: `${t.tahun}-${t.triwulan}`,
    };
    if (cache.size < 200_000) cache.set(tanggal, n);
  }
  return n;
}

export const nomorHari = (tanggal: string): number => infoTanggal(tanggal).hari;

export function tanggalDariHari(n: number): string {
  return new Date(HARI_AWAL + n * 86_400_000).toISOString().slice(0, 10);
}

/** Day-end balances of one key, as far as the floor rule needs them. */
export interface GarisSaldo {
  /** the first day from `hari` on whose day-end balance is below `batas`, with that balance */
  pertamaDiBawah(hari: number, batas: number): { hari: number; saldo: number } | undefined;
  /** adds d to every day-end from `hari` on (an accepted movement dated `hari`) */
  tambah(hari: number, d: number): void;
}

/**
 * The floor rule, for cash and stock alike: lowering a balance by `turun` from day `hari` on leaves
 * no day-end below zero; otherwise the first day that would be, and its balance.
 */
export function titikMinus(garis: GarisSaldo, hari: number, turun: number): TitikMinus | undefined {
  const t = garis.pertamaDiBawah(hari, turun);
  return t && { tanggal: tanggalDariHari(t.hari), saldo: t.saldo - turun };
}

/**
 * The stretch of a key's balance a single posting touches: the day-end before its date and the
 * stored day-ends from its date on (read from `saldo_harian`), so the check costs the days from the
 * entry's date on, not the ledger's age.
 */
export class GarisPendek implements GarisSaldo {
  private hari: number[];
  private saldo: number[];

  /** `baris` in date order, all on or after `dari` */
  constructor(
    private readonly dari: number,
    private saldoSebelum: number,
    baris: readonly { hari: number; saldo: number }[],
  ) {
    this.hari = baris.map((b) => b.hari);
    this.saldo = baris.map((b) => b.saldo);
  }

  pertamaDiBawah(hari: number, batas: number): { hari: number; saldo: number } | undefined {
    if (hari < this.dari) throw new Error(`garis saldo dibaca dari hari ${this.dari}, bukan ${hari}`);
    let i = 0;
    while (i < this.hari.length && this.hari[i]! < hari) i++;
    // the day itself ends on the balance carried into it when nothing is stored for it
    if (this.hari[i] !== hari) {
      const bawaan = i > 0 ? this.saldo[i - 1]! : this.saldoSebelum;
      if (bawaan < batas) return { hari, saldo: bawaan };
    }
    for (; i < this.hari.length; i++) if (this.saldo[i]! < batas) return { hari: this.hari[i]!, saldo: this.saldo[i]! };
    return undefined;
  }

  tambah(hari: number, d: number): void {
    if (hari < this.dari) throw new Error(`garis saldo dibaca dari hari ${this.dari}, bukan ${hari}`);
    let i = 0;
    while (i < this.hari.length && this.hari[i]! < hari) i++;
    if (this.hari[i] !== hari) {
      this.hari.splice(i, 0, hari);
      this.saldo.splice(i, 0, i > 0 ? this.saldo[i - 1]! : this.saldoSebelum);
    }
    for (; i < this.hari.length; i++) this.saldo[i]! += d;
  }
}

/**
 * Every day-end of one key, for a bulk import: a segment tree with range add (an entry moves the
 * balance from its day on) and range minimum (the lowest day-end from a day on), so each of a million
 * entries is checked in about 17 steps.
 */
export class GarisPanjang implements GarisSaldo {
  private mn = new Float64Array(2 * JUMLAH_HARI);
  private lz = new Float64Array(2 * JUMLAH_HARI);

  /** `harian[h]`: the net movement of day h */
  constructor(harian: Float64Array) {
    let saldo = 0;
    for (let i = 0; i < JUMLAH_HARI; i++) {
      saldo += harian[i]!;
      this.mn[JUMLAH_HARI + i] = saldo;
    }
    for (let i = JUMLAH_HARI - 1; i >= 1; i--) this.mn[i] = Math.min(this.mn[2 * i]!, this.mn[2 * i + 1]!);
  }

  /**
   * Moves every day-end from `dari` on by `d`, bottom-up without recursion (a million calls an import): the day's
   * leaf and, climbing, the right sibling of every left child on the way are wholly from `dari` on and take `d`;
   * the nodes on the way take the lower of their children again.
   */
  tambah(dari: number, d: number): void {
    let p = JUMLAH_HARI + dari;
    this.mn[p]! += d;
    for (; p > 1; p >>= 1) {
      if ((p & 1) === 0) {
        this.mn[p + 1]! += d;
        this.lz[p + 1]! += d;
      }
      const atas = p >> 1;
      this.mn[atas] = Math.min(this.mn[2 * atas]!, this.mn[2 * atas + 1]!) + this.lz[atas]!;
    }
  }

  pertamaDiBawah(hari: number, batas: number): { hari: number; saldo: number } | undefined {
    const h = this.hariDiBawah(hari, batas);
    return h < 0 ? undefined : { hari: h, saldo: this.pada(h) };
  }

  /** the day-end balance of one day */
  pada(hari: number): number {
    let node = 1;
    let l = 0;
    let r = JUMLAH_HARI - 1;
    let tambahan = 0;
    while (l !== r) {
      tambahan += this.lz[node]!;
      const m = (l + r) >> 1;
      if (hari <= m) {
        node = 2 * node;
        r = m;
      } else {
        node = 2 * node + 1;
        l = m + 1;
      }
    }
    return this.mn[node]! + tambahan;
  }

  private hariDiBawah(dari: number, batas: number, node = 1, l = 0, r = JUMLAH_HARI - 1, tambahan = 0): number {
    if (r < dari || this.mn[node]! + tambahan >= batas) return -1;
    if (l === r) return l;
    const m = (l + r) >> 1;
    const t = tambahan + this.lz[node]!;
    const kiri = this.hariDiBawah(dari, batas, 2 * node, l, m, t);
    return kiri >= 0 ? kiri : this.hariDiBawah(dari, batas, 2 * node + 1, m + 1, r, t);
  }
}
