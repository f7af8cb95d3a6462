// What the rules of a posting consult — closed quarters, the chain's end, voucher sequences, the
// balances it lowers — as one interface, so a single posting and a bulk import run the same decision
// code (catatKas, catatNatura). A single posting reads only what its entry touches (keadaanSatu);
// a bulk import holds the whole state in memory (src/ledger/bulk.ts).
import { closedQuarters } from '../db/periode-repo.js';
import { getProfil } from '../db/profil-repo.js';
import { bacaGaris } from '../db/saldo-repo.js';
import type { Tx } from '../db/transaction.js';
import { awalPencatatan, hariIni } from '../domain/dates.js';
import { type Ujung, ujungKosong } from './hash.js';
import { type Buku, GarisPendek, type GarisSaldo, type Gerak, nomorHari } from './saldo.js';

/** The dates an entry may carry: from the unit's founding (`awalPencatatan`) to today. */
export interface RentangTanggal {
  awal: string;
  hariIni: string;
}

export async function bacaRentang(tx: Tx): Promise<RentangTanggal> {
  return { awal: awalPencatatan(await getProfil(tx)), hariIni: hariIni() };
}

export interface KeadaanBuku {
  /** closed quarters as `tahun-triwulan` */
  readonly tertutup: ReadonlySet<string>;
  /** the dates an entry may carry */
  readonly rentang: RentangTanggal;
  /** the end of the book's hash chain; sambung moves it */
  readonly ujung: Ujung;
  /** the day-end balances of one key from day `hari` on, for the floor rule */
  garis(buku: Buku, kode: string, hari: number): GarisSaldo;
  /** an accepted row's movements, dated day `hari`: later rows of the same run see them */
  terima(hari: number, gerak: readonly Gerak[]): void;
}

export interface KeadaanKas extends KeadaanBuku {
  /** the last voucher sequence per `bukti/tahun` */
  readonly urut: Map<string, number>;
}

export const setTertutup = (t: readonly { tahun: number; triwulan: number }[]): Set<string> =>
  new Set(t.map((x) => `${x.tahun}-${x.triwulan}`));

/**
 * The state one posting dated `tanggal` needs, read inside its transaction: the closed quarters (a
 * few rows), the chain's end, its voucher series (`urut`, cash only) and, for each balance it
 * lowers, that key's day-ends from `tanggal` on.
 */
export async function keadaanSatu(
  tx: Tx,
  ujung: Ujung | undefined,
  tanggal: string,
  turun: readonly Gerak[],
  urut = new Map<string, number>(),
): Promise<KeadaanKas> {
  const dari = nomorHari(tanggal);
  const garis = new Map<string, GarisSaldo>();
  for (const g of turun) {
    const { saldoSebelum, baris } = await bacaGaris(tx, g.buku, g.kode, tanggal);
    garis.set(
      `${g.buku}:${g.kode}`,
      new GarisPendek(
        dari,
        saldoSebelum,
        baris.map((b) => ({ hari: nomorHari(b.tanggal), saldo: b.saldo })),
      ),
    );
  }
  return {
    urut,
    tertutup: setTertutup(await closedQuarters(tx)),
    rentang: await bacaRentang(tx),
    ujung: ujung ? { id: ujung.id, hash: ujung.hash } : ujungKosong(),
    garis(buku, kode) {
      const g = garis.get(`${buku}:${kode}`);
      if (!g) throw new Error(`saldo ${buku} ${kode} tidak dibaca untuk entri ini`);
      return g;
    },
    // a single posting writes its day totals itself (saldo-repo tambahSaldoHarian)
    terima() {},
  };
}
