// Posting many cash entries at once (imports) under the same rules as postEntry: checkRules,
// closed quarters, voucher numbers, the hash chain, and restricted funds and accounts never below
// zero from an entry's date on — computed in memory so a million rows post in seconds.
import { RuleError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import type { Kas } from '../db/kas-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import type { Bukti } from '../db/types.js';
import { bagian, formatTanggal, labelTriwulan, tanggalEntriSah, triwulanDari } from '../domain/dates.js';
import { enforce } from '../domain/rule.js';
import { GENESIS, hashRow } from './hash.js';
import { formatRupiah } from '../domain/money.js';
import { type EntriBaru, checkRules, formatNomor } from './posting.js';

/** What the poster needs from the file, read once before the first row. */
export interface KeadaanKas {
  last: { id: number; hash: string } | undefined;
  maxUrut: { bukti: string; tahun: number; maks: number }[];
  /** day totals per account and per restricted fund */
  gerakHarian: { jenis: 'dana' | 'akun'; kode: string; tanggal: string; d: number }[];
  tertutup: { tahun: number; triwulan: number }[];
}

const BUKTI: Record<'masuk' | 'keluar', Bukti> = { masuk: 'BKM', keluar: 'BKK' };

// Day numbers from 1900-01-01 to the end of 2200, the range tryParseDate accepts.
const HARI_AWAL = Date.UTC(1900, 0, 1);
const UKURAN = 1 << 17;
const hariCache = new Map<string, { hari: number; tahun: number; triwulan: string }>();
function infoTanggal(tanggal: string): { hari: number; tahun: number; triwulan: string } {
  let n = hariCache.get(tanggal);
  if (n === undefined) {
    const { tahun, bulan, hari } = bagian(tanggal);
    const t = triwulanDari(tanggal);
    n = { hari: Math.round((Date.UTC(tahun, bulan - 1, hari) - HARI_AWAL) / 86_400_000), tahun, triwulan: `${t.tahun}-${t.triwulan}` };
    if (hariCache.size < 200_000) hariCache.set(tanggal, n);
  }
  return n;
}
const nomorHari = (tanggal: string) => infoTanggal(tanggal).hari;

/**
 * Day-end balances of one fund or account over every day: a segment tree with range add
 * (an entry moves the balance from its day on) and range minimum (the lowest day-end from a day on).
 */
class GarisSaldo {
  private mn = new Float64Array(2 * UKURAN);
  private lz = new Float64Array(2 * UKURAN);

  constructor(harian: Map<number, number>) {
    let saldo = 0;
    for (let i = 0; i < UKURAN; i++) {
      saldo += harian.get(i) ?? 0;
      this.mn[UKURAN + i] = saldo;
    }
    for (let i = UKURAN - 1; i >= 1; i--) this.mn[i] = Math.min(this.mn[2 * i]!, this.mn[2 * i + 1]!);
  }

  /** adds d to every day-end from `dari` on */
  tambah(dari: number, d: number, node = 1, l = 0, r = UKURAN - 1): void {
    if (r < dari) return;
    if (l >= dari) {
      this.mn[node]! += d;
      this.lz[node]! += d;
      return;
    }
    const m = (l + r) >> 1;
    this.tambah(dari, d, 2 * node, l, m);
    this.tambah(dari, d, 2 * node + 1, m + 1, r);
    this.mn[node] = Math.min(this.mn[2 * node]!, this.mn[2 * node + 1]!) + this.lz[node]!;
  }

  /** the lowest day-end from `dari` on */
  terendah(dari: number, node = 1, l = 0, r = UKURAN - 1): number {
    if (r < dari) return Infinity;
    if (l >= dari) return this.mn[node]!;
    const m = (l + r) >> 1;
    return Math.min(this.terendah(dari, 2 * node, l, m), this.terendah(dari, 2 * node + 1, m + 1, r)) + this.lz[node]!;
  }

  /** the day-end balance of one day */
  pada(hari: number): number {
    let node = 1;
    let l = 0;
    let r = UKURAN - 1;
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

  /** the first day from `dari` on whose day-end is below `batas` */
  hariPertamaDiBawah(dari: number, batas: number, node = 1, l = 0, r = UKURAN - 1, tambahan = 0): number {
    if (r < dari || this.mn[node]! + tambahan >= batas) return -1;
    if (l === r) return l;
    const m = (l + r) >> 1;
    const t = tambahan + this.lz[node]!;
    const kiri = this.hariPertamaDiBawah(dari, batas, 2 * node, l, m, t);
    return kiri >= 0 ? kiri : this.hariPertamaDiBawah(dari, batas, 2 * node + 1, m + 1, r, t);
  }
}

function tanggalDariHari(n: number): string {
  return new Date(HARI_AWAL + n * 86_400_000).toISOString().slice(0, 10);
}

export class PostingMassal {
  private last: { id: number; hash: string };
  private urut = new Map<string, number>();
  private garis = new Map<string, GarisSaldo>();
  private harian = new Map<string, Map<number, number>>();
  private tertutup: Set<string>;

  constructor(
    private ref: Referensi,
    keadaan: KeadaanKas,
    private waktu: string,
    /** the dates entries may have (the unit's founding, today), as postEntry checks them */
    private rentang?: { awal: string; hariIni: string },
  ) {
    this.last = keadaan.last ?? { id: 0, hash: GENESIS };
    for (const u of keadaan.maxUrut) this.urut.set(`${u.bukti}/${u.tahun}`, u.maks);
    for (const g of keadaan.gerakHarian) {
      const kunci = `${g.jenis}:${g.kode}`;
      let m = this.harian.get(kunci);
      if (!m) this.harian.set(kunci, (m = new Map()));
      const h = nomorHari(g.tanggal);
      m.set(h, (m.get(h) ?? 0) + Number(g.d));
    }
    this.tertutup = new Set(keadaan.tertutup.map((t) => `${t.tahun}-${t.triwulan}`));
  }

  private garisUntuk(kunci: string): GarisSaldo {
    let g = this.garis.get(kunci);
    if (!g) {
      g = new GarisSaldo(this.harian.get(kunci) ?? new Map());
      this.garis.set(kunci, g);
    }
    return g;
  }

  /**
   * Checks one receipt or payment and, if it may be posted, returns the row to store (chained to the
   * previous one) and counts it in the balances. Throws the same errors postEntry would.
   */
  posting(e: EntriBaru & { arah: 'masuk' | 'keluar' }): Kas {
    checkRules(e, this.ref);
    return this.catat(e);
  }

  /** The reversing entry of a posted receipt or payment, as voidEntry writes it (dated `tanggal`, no impor_id). */
  pembalik(asli: Kas, alasan: string, tanggal: string): Kas {
    if (asli.arah === 'pindah') throw new Error('pemindahan tidak diimpor');
    return this.catat({ ...asli, arah: asli.arah, impor_id: null, tanggal, jumlah: -asli.jumlah, uraian: `Pembatalan ${asli.nomor}: ${alasan}` }, { dari: asli.id, alasan });
  }

  /** The checks that follow checkRules in postEntry: closed quarter, floors; then number and chain. */
  private catat(e: EntriBaru & { arah: 'masuk' | 'keluar' }, batal?: { dari: number; alasan: string }): Kas {
    const { hari, tahun, triwulan } = infoTanggal(e.tanggal);
    if (this.tertutup.has(triwulan)) throw new RuleError(pesan.periodeTertutup(formatTanggal(e.tanggal), labelTriwulan(triwulanDari(e.tanggal))));
    if (this.rentang) enforce(tanggalEntriSah(this.rentang.awal, e.tanggal, this.rentang.hariIni));
    const gerak = (e.arah === 'masuk' ? 1 : -1) * e.jumlah;
    const dana = this.ref.dana.find((d) => d.kode === e.dana);
    const kunciDana = dana?.terikat ? `dana:${dana.kode}` : undefined;
    const kunciAkun = `akun:${e.akun}`;
    if (gerak < 0) {
      if (kunciDana) this.cekLantai(kunciDana, hari, -gerak, (tgl, saldo) => pesan.danaTerikatMinus(dana!.kode, tgl, saldo));
      this.cekLantai(kunciAkun, hari, -gerak, (tgl, saldo) => pesan.akunMinus(e.akun, tgl, saldo));
    }
    if (kunciDana) this.garisUntuk(kunciDana).tambah(hari, gerak);
    this.garisUntuk(kunciAkun).tambah(hari, gerak);

    const bukti = BUKTI[e.arah];
    const kunciUrut = `${bukti}/${tahun}`;
    const urut = (this.urut.get(kunciUrut) ?? 0) + 1;
    this.urut.set(kunciUrut, urut);
    const row: Kas = {
      id: this.last.id + 1,
      nomor: formatNomor(urut, bukti, e.tanggal),
      bukti,
      tahun,
      urut,
      arah: e.arah,
      tanggal: e.tanggal,
      jumlah: e.jumlah,
      sumber: e.arah === 'masuk' ? (e.sumber ?? null) : null,
      jenis: e.arah === 'keluar' ? (e.jenis ?? null) : null,
      layanan: e.layanan ?? null,
      asnaf: e.asnaf ?? null,
      dana: e.dana ?? null,
      akun: e.akun,
      akun_tujuan: null,
      donatur_id: e.donatur_id ?? null,
      kegiatan_id: e.kegiatan_id ?? null,
      uraian: e.uraian ?? null,
      batal_dari: batal?.dari ?? null,
      alasan_batal: batal?.alasan ?? null,
      impor_id: e.impor_id ?? null,
      dibuat: this.waktu,
      hash_sebelum: this.last.hash,
      hash: '',
    };
    // hashRow reads only the chained columns, so the row can carry its hash fields already
    row.hash = hashRow('kas', this.last.hash, row);
    this.last = { id: row.id, hash: row.hash };
    return row;
  }

  private cekLantai(kunci: string, hari: number, turun: number, pesanMinus: (tanggal: string, saldo: string) => string): void {
    const g = this.garisUntuk(kunci);
    if (g.terendah(hari) - turun >= 0) return;
    const h = g.hariPertamaDiBawah(hari, turun);
    throw new RuleError(pesanMinus(formatTanggal(tanggalDariHari(h)), formatRupiah(g.pada(h) - turun)));
  }
}
