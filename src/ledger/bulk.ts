// Posting many cash entries at once (imports, reversing an import) by the same decision as a single
// posting — checkRules, then catatKas — over a state held in memory: each balance's day-ends in a
// segment tree, so a million rows post in seconds. The day totals the run adds are handed to the
// writer once, at the end (hariBerubah).
import type { Kas } from '../db/kas-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { Bukti, SaldoHarianRow } from '../db/types.js';
import { type Ujung, ujungKosong } from './hash.js';
import { type KeadaanKas, type RentangTanggal, setTertutup } from './keadaan.js';
import { catatKas, checkRules, type EntriBaru, entriPembalik, kunciUrut } from './posting.js';
import { type Buku, GarisPanjang, type Gerak, JUMLAH_HARI, nomorHari, tanggalDariHari } from './saldo.js';

/** What the run needs from the file, read before the first row. */
export interface AwalMassal {
  ujung: Ujung | undefined;
  maxUrut: { bukti: string; tahun: number; maks: number }[];
  tertutup: { tahun: number; triwulan: number }[];
  /** the dates an entry may carry, as a single posting checks them */
  rentang: RentangTanggal;
  /** a key's stored day totals; read the first time the run touches the key */
  harian(buku: Buku, kode: string): { tanggal: string; gerak: number }[];
}

const TERSIMPAN = 1;
const DISENTUH = 2;

/**
 * One balance the run touches: its stored day totals, what the run adds to each day, and its day-ends once a floor is
 * checked.
 */
class Kunci {
  readonly awal = new Float64Array(JUMLAH_HARI);
  readonly tambahan = new Float64Array(JUMLAH_HARI);
  /** TERSIMPAN: the day has a row in saldo_harian; DISENTUH: the run moved it */
  readonly tanda = new Uint8Array(JUMLAH_HARI);
  /** the earliest day the run moved */
  dari = JUMLAH_HARI;
  garis: GarisPanjang | undefined;

  constructor(
    readonly buku: Buku,
    readonly kode: string,
    harian: { tanggal: string; gerak: number }[],
  ) {
    for (const h of harian) {
      const n = nomorHari(h.tanggal);
      this.awal[n]! += Number(h.gerak);
      this.tanda[n]! |= TERSIMPAN;
    }
  }
}

class KeadaanMassal implements KeadaanKas {
  readonly tertutup: Set<string>;
  readonly rentang: RentangTanggal;
  readonly ujung: Ujung;
  readonly urut = new Map<string, number>();
  readonly kunci: Record<Buku, Map<string, Kunci>> = { akun: new Map(), dana: new Map(), stok: new Map() };

  constructor(private readonly sumber: AwalMassal) {
    this.ujung = sumber.ujung ? { id: sumber.ujung.id, hash: sumber.ujung.hash } : ujungKosong();
    for (const u of sumber.maxUrut) this.urut.set(kunciUrut(u.bukti as Bukti, u.tahun), u.maks);
    this.tertutup = setTertutup(sumber.tertutup);
    this.rentang = sumber.rentang;
  }

  private ambil(buku: Buku, kode: string): Kunci {
    let k = this.kunci[buku].get(kode);
    if (!k) this.kunci[buku].set(kode, (k = new Kunci(buku, kode, this.sumber.harian(buku, kode))));
    return k;
  }

  garis(buku: Buku, kode: string): GarisPanjang {
    const k = this.ambil(buku, kode);
    if (!k.garis) {
      const harian = new Float64Array(JUMLAH_HARI);
      for (let i = 0; i < JUMLAH_HARI; i++) harian[i] = k.awal[i]! + k.tambahan[i]!;
      k.garis = new GarisPanjang(harian);
    }
    return k.garis;
  }

  terima(hari: number, gerak: readonly Gerak[]): void {
    for (const g of gerak) {
      const k = this.ambil(g.buku, g.kode);
      k.tambahan[hari]! += g.gerak;
      k.tanda[hari]! |= DISENTUH;
      if (hari < k.dari) k.dari = hari;
      k.garis?.tambah(hari, g.gerak);
    }
  }
}

export class PostingMassal {
  private readonly k: KeadaanMassal;

  constructor(
    private readonly ref: Referensi,
    awal: AwalMassal,
    private readonly waktu: string,
  ) {
    this.k = new KeadaanMassal(awal);
  }

  /** Checks one entry and, if it may be posted, returns the row to store and counts it. Throws what postEntry would. */
  posting(e: EntriBaru): Kas {
    checkRules(e, this.ref);
    return catatKas(this.k, e, this.ref, this.waktu);
  }

  /** The reversing entry of a posted one, as voidEntry writes it. */
  pembalik(asli: Kas, alasan: string, tanggal: string): Kas {
    return catatKas(this.k, entriPembalik(asli, alasan, tanggal), this.ref, this.waktu, { dari: asli.id, alasan });
  }

  /** The `saldo_harian` rows the run changed, with their final totals and day-ends, to write before commit. */
  hariBerubah(): SaldoHarianRow[] {
    const out: SaldoHarianRow[] = [];
    for (const peta of Object.values(this.k.kunci)) {
      for (const k of peta.values()) {
        if (k.dari === JUMLAH_HARI) continue;
        let saldo = 0;
        for (let h = 0; h < JUMLAH_HARI; h++) {
          const gerak = k.awal[h]! + k.tambahan[h]!;
          saldo += gerak;
          if (h >= k.dari && k.tanda[h])
            out.push({ buku: k.buku, kode: k.kode, tanggal: tanggalDariHari(h), gerak, saldo });
        }
      }
    }
    return out;
  }
}
