// Posting many cash entries at once (imports, reversing an import) by the same decision as a single
// posting — checkRules, then catatKas — over a state held in memory: each balance's day-ends in a
// segment tree, so a million rows post in seconds. The day totals the run adds are handed to the
// writer once, at the end (hariBerubah).
import type { Kas } from '../db/kas-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { BacaHarian, HarianSebagian } from '../db/saldo-repo.js';
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
  /** a key's stored day totals from a day on (bacaHarian): read as the run reaches back to them */
  harian: BacaHarian;
}

const TERSIMPAN = 1;
const DISENTUH = 2;
/** days a key is read further back at the least, doubling each time: a file in reverse date order reads it few times */
const LANGKAH_BACA = 92;

/**
 * One balance the run touches: its stored day totals from the earliest day the run reached on, what the run adds to
 * each day, and its day-ends once a floor is checked.
 */
class Kunci {
  /** the stored day totals from `mulai` on; the day before `mulai` holds the day-end carried into it */
  readonly awal = new Float64Array(JUMLAH_HARI);
  readonly tambahan = new Float64Array(JUMLAH_HARI);
  /** TERSIMPAN: the day has a row in saldo_harian; DISENTUH: the run moved it */
  readonly tanda = new Uint8Array(JUMLAH_HARI);
  /** the earliest day the run moved */
  dari = JUMLAH_HARI;
  /** the first day whose stored total is read */
  mulai = JUMLAH_HARI;
  private langkah = LANGKAH_BACA;
  garis: GarisPanjang | undefined;

  constructor(
    readonly buku: Buku,
    readonly kode: string,
    private readonly harian: (dari: string, sampai?: string) => HarianSebagian,
  ) {}

  /** reads the stored days from `hari` on, those not read yet */
  bacaDari(hari: number): void {
    if (hari >= this.mulai) return;
    const pertama = this.mulai === JUMLAH_HARI;
    const mulai = pertama ? hari : Math.max(0, Math.min(hari, this.mulai - this.langkah));
    const { sebelum, baris } = this.harian(tanggalDariHari(mulai), pertama ? undefined : tanggalDariHari(this.mulai));
    if (!pertama) {
      // the day-end carried in gives way to the days now read
      if (this.mulai > 0) this.awal[this.mulai - 1] = 0;
      this.langkah *= 2;
    }
    for (const h of baris) {
      const n = nomorHari(h.tanggal);
      this.awal[n]! += Number(h.gerak);
      this.tanda[n]! |= TERSIMPAN;
    }
    if (mulai > 0) this.awal[mulai - 1]! += sebelum;
    this.mulai = mulai;
    // a line already drawn lacks the days just read: drawn again when next asked
    this.garis = undefined;
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

  /** the key, its stored days read from `hari` on */
  private ambil(buku: Buku, kode: string, hari: number): Kunci {
    let k = this.kunci[buku].get(kode);
    if (!k) {
      const harian = this.sumber.harian;
      this.kunci[buku].set(kode, (k = new Kunci(buku, kode, (dari, sampai) => harian(buku, kode, dari, sampai))));
    }
    k.bacaDari(hari);
    return k;
  }

  garis(buku: Buku, kode: string, hari: number): GarisPanjang {
    const k = this.ambil(buku, kode, hari);
    if (!k.garis) {
      const harian = new Float64Array(JUMLAH_HARI);
      for (let i = 0; i < JUMLAH_HARI; i++) harian[i] = k.awal[i]! + k.tambahan[i]!;
      k.garis = new GarisPanjang(harian);
    }
    return k.garis;
  }

  terima(hari: number, gerak: readonly Gerak[]): void {
    for (const g of gerak) {
      const k = this.ambil(g.buku, g.kode, hari);
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
        // nothing before the day-end carried in
        for (let h = Math.max(0, k.mulai - 1); h < JUMLAH_HARI; h++) {
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
