// The cash book's walk for `wksbm periksa`, besides its hash chain: the voucher numbers and the day totals,
// taken from the same records of SQLite's JSON text the chain is checked on (one read of a million rows),
// or from a row's values when its text is not plain.
import { akhirNomor } from './posting.js';

export interface TemuanBukti {
  jenis: 'urutan_bukti';
  pesan: string;
  id?: number;
}

/**
 * A cash row's first chained columns in JSON text (KOLOM_RANTAI.kas: id, nomor, bukti, tahun, urut, arah,
 * tanggal, jumlah, sumber, jenis, layanan, asnaf, dana, akun, akun_tujuan) when they are plain: texts without
 * escapes, whole numbers. Anything else (a value put there outside the tool) is read by its values instead.
 * Groups (the id is the batch's, rekamRantai): 1 nomor, 2 bukti, 3 tahun, 4 urut, 5 arah and tanggal as JSON
 * text, 6 tanggal, 7 jumlah, 8 dana, akun and akun_tujuan as JSON text (5 and 8 make the day total's key, PISAH).
 */
const AWAL_KAS = new RegExp(
  [
    String.raw`\[\d+`,
    String.raw`"([^"\\]*)"`,
    String.raw`"([^"\\]*)"`,
    String.raw`(-?\d+)`,
    String.raw`(-?\d+)`,
    String.raw`("[^"\\]*","([^"\\]*)")`,
    String.raw`(-?\d+)`,
    ...Array(4).fill(String.raw`(?:"[^"\\]*"|null)`),
    String.raw`((?:"[^"\\]*"|null),"[^"\\]*",(?:"[^"\\]*"|null))[,\]]`,
  ].join(','),
  'y',
);

/**
 * A day total's key: the JSON texts of its direction and date, and of its fund, account and target account, as
 * SQLite writes a plain row's (AWAL_KAS) and JSON.stringify any other's: the same values, the same key. Neither
 * writes a control character unescaped, so U+001F parts the two texts; with a comma instead, the key is the
 * text of a JSON array of the five values, read back once for each key.
 */
const PISAH = '\u001f';
const jsonTeks = (v: string | null): string => JSON.stringify(v);

/** A day total: its values (KunciHarian) and the amount added up so far. */
interface Total {
  kunci: KunciHarian;
  jumlah: number;
}

/** The cash book's day totals per kind (date, direction, fund, account, target account), by first row. */
type KunciHarian = [tanggal: string, arah: string, dana: string | null, akun: string, akunTujuan: string | null];

/** A series' numbers seen: a bit each up to BATAS_BIT, any number past it (only ever put there by hand) in `besar`. */
interface Terlihat {
  bit: Uint8Array;
  besar: Set<number>;
}

/** A walk's findings as plain data (a worker thread sends it): numbers seen per series, day totals per kind. */
export interface DataKas {
  seri: { terlihat: Map<string, Terlihat>; temuan: TemuanBukti[] };
  harian: Map<string, Total>;
}

/** The voucher numbers and day totals of the cash book, fed its rows in id order. */
export class PencatatKas {
  readonly seri = new SeriBukti();
  /** the day totals by key (direction and date, then fund and accounts), in the order their first rows came */
  private readonly harian = new Map<string, Total>();
  /** the same totals by the key's two parts: a row looks up its two texts as the regular expression gave them */
  private readonly indeks = new Map<string, Map<string, Total>>();

  /** Row `id` from its record's JSON text at `dari`; false (nothing taken) when the text is not plain. */
  tambahRekam(rekam: string, dari: number, id: number): boolean {
    AWAL_KAS.lastIndex = dari;
    const m = AWAL_KAS.exec(rekam);
    if (!m) return false;
    this.seri.push(id, m[2], Number(m[3]), Number(m[4]), m[1], m[6]);
    this.tambahHarian(m[5]!, m[8]!, Number(m[7]));
    return true;
  }

  /** A row from its chained values (KOLOM_RANTAI.kas order). */
  tambahNilai(row: readonly unknown[]): void {
    this.seri.push(row[0], row[2], row[3], row[4], row[1], row[6]);
    const teks = (v: unknown) => (v === null ? null : String(v));
    const arahTanggal = `${jsonTeks(String(row[5]))},${jsonTeks(String(row[6]))}`;
    const danaAkun = `${jsonTeks(teks(row[12]))},${jsonTeks(String(row[13]))},${jsonTeks(teks(row[14]))}`;
    this.tambahHarian(arahTanggal, danaAkun, angka(row[7]));
  }

  /** What this walk found, to be joined (gabung) to the walk of the rows before them. */
  data(): DataKas {
    return { seri: this.seri.data(), harian: this.harian };
  }

  /**
   * Joins the walk of the rows after this one's: false (and nothing joined) when a voucher number is in both
   * walks, which only a file changed outside the tool has; the caller then walks the whole book in one.
   */
  gabung(lain: DataKas): boolean {
    if (!this.seri.gabung(lain.seri)) return false;
    for (const [k, h] of lain.harian) {
      const [arahTanggal, danaAkun] = k.split(PISAH) as [string, string];
      const ini = this.harian.get(k);
      if (ini) ini.jumlah += h.jumlah;
      else this.baru(arahTanggal, danaAkun, h);
    }
    return true;
  }

  /** The day totals as [tanggal, arah, dana, akun, akun_tujuan, jumlah], each kind where its first row was. */
  totalHarian(): unknown[][] {
    return [...this.harian.values()].map((h) => [...h.kunci, h.jumlah]);
  }

  /**
   * a row's amount into its day total, found by the two texts of its key; a key not seen is read back from them
   * and its texts written anew by JSON.stringify (a slice of a batch's text would keep the whole batch alive)
   */
  private tambahHarian(arahTanggal: string, danaAkun: string, jumlah: number): void {
    const h = this.indeks.get(arahTanggal)?.get(danaAkun);
    if (h) {
      h.jumlah += jumlah;
      return;
    }
    const [arah, tanggal, dana, akun, tujuan] = JSON.parse(`[${arahTanggal},${danaAkun}]`) as (string | null)[];
    const at = `${jsonTeks(arah!)},${jsonTeks(tanggal!)}`;
    const da = `${jsonTeks(dana!)},${jsonTeks(akun!)},${jsonTeks(tujuan!)}`;
    const ada = this.harian.get(`${at}${PISAH}${da}`);
    if (ada) ada.jumlah += jumlah;
    else this.baru(at, da, { kunci: [tanggal!, arah!, dana!, akun!, tujuan!], jumlah });
  }

  private baru(arahTanggal: string, danaAkun: string, total: Total): void {
    let hari = this.indeks.get(arahTanggal);
    if (!hari) this.indeks.set(arahTanggal, (hari = new Map()));
    hari.set(danaAkun, total);
    this.harian.set(`${arahTanggal}${PISAH}${danaAkun}`, total);
  }
}

/** A stored amount as SQLite's sum() takes it: a number as it is, a text by its leading number or 0. */
function angka(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return Number.parseFloat(String(v)) || 0;
}

/**
 * The first and last number a series' bitmap holds (none: an empty range), found natively: a walk of a part of the
 * book holds a few thousand numbers high up in a bitmap of a whole year's, and joining parts looks only there.
 */
function rentangBit(seri: Terlihat): [dari: number, sampai: number] {
  const dari = seri.bit.indexOf(1, 1);
  return dari < 0 ? [1, 0] : [dari, seri.bit.lastIndexOf(1)];
}

/** The highest voucher number a series keeps in its bitmap (a year of numbers is far below). */
const BATAS_BIT = 1 << 24;

/** Voucher numbers: each must match its sequence and date; each series per kind per year must be 1..n. */
export class SeriBukti {
  /** numbers seen per series (kind/year) */
  private readonly terlihat = new Map<string, Terlihat>();
  /** each row's findings, in the order the rows came (id order) */
  readonly temuan: TemuanBukti[] = [];
  /** per kind, the series last asked for (rows come in runs of a year, the kinds mixed within a day) */
  private readonly ini = new Map<unknown, { tahun: unknown; seri: Terlihat }>();
  /** the date last checked, with its number's ending (`/XI/2026`) and its year */
  private hari: { tanggal: string; akhir: string; tahun: number } | undefined;

  /** a row, in id order: its number used twice, its number against its date */
  push(id: unknown, bukti: unknown, tahun: unknown, urutan: unknown, nomor: unknown, tanggal: unknown): void {
    const urut = Number(urutan);
    const seri = this.seri(bukti, tahun);
    if (urut > 0 && this.ada(seri, urut))
      this.temuan.push({
        jenis: 'urutan_bukti',
        id: Number(id),
        pesan: `Nomor ${String(bukti)} tahun ${String(tahun)} urutan ${urut} dipakai dua kali.`,
      });
    if (urut > 0) this.tandai(seri, urut);
    const t = this.cekNomor(id, bukti, tahun, urut, nomor, String(tanggal));
    if (t) this.temuan.push(t);
  }

  /** a series' numbers seen */
  private seri(bukti: unknown, tahun: unknown): Terlihat {
    const ini = this.ini.get(bukti);
    if (ini && tahun === ini.tahun) return ini.seri;
    const kunci = `${String(bukti)}/${String(tahun)}`;
    let seri = this.terlihat.get(kunci);
    if (!seri) this.terlihat.set(kunci, (seri = { bit: new Uint8Array(1024), besar: new Set<number>() }));
    this.ini.set(bukti, { tahun, seri });
    return seri;
  }

  data(): DataKas['seri'] {
    return { terlihat: this.terlihat, temuan: this.temuan };
  }

  /** the series of the rows after this walk's: false (nothing joined) when a number is in both */
  gabung(lain: DataKas['seri']): boolean {
    for (const [k, s] of lain.terlihat) {
      const ini = this.terlihat.get(k);
      if (ini && this.bertemu(ini, s)) return false;
    }
    for (const [k, s] of lain.terlihat) {
      const ini = this.terlihat.get(k);
      if (!ini) this.terlihat.set(k, s);
      else {
        const [dari, sampai] = rentangBit(s);
        for (let i = dari; i <= sampai; i++) if (s.bit[i]) this.tandai(ini, i);
        for (const u of s.besar) this.tandai(ini, u);
      }
    }
    this.temuan.push(...lain.temuan);
    return true;
  }

  private bertemu(a: Terlihat, b: Terlihat): boolean {
    const [dari, sampai] = rentangBit(b);
    const n = Math.min(a.bit.length - 1, sampai);
    for (let i = dari; i <= n; i++) if (a.bit[i]! & b.bit[i]!) return true;
    for (const u of b.besar) if (this.ada(a, u)) return true;
    for (const u of a.besar) if (this.ada(b, u)) return true;
    return false;
  }

  private ada(seri: Terlihat, urut: number): boolean {
    return urut < seri.bit.length ? seri.bit[urut] === 1 : seri.besar.has(urut);
  }

  private tandai(seri: Terlihat, urut: number): void {
    if (urut >= seri.bit.length && urut <= BATAS_BIT) {
      const lebih = new Uint8Array(Math.min(Math.max(urut + 1, seri.bit.length * 2), BATAS_BIT + 1));
      lebih.set(seri.bit);
      seri.bit = lebih;
    }
    if (urut < seri.bit.length) seri.bit[urut] = 1;
    else seri.besar.add(urut);
  }

  /**
   * a row's number against its sequence and date (formatNomor's text, its date's part kept from the row before),
   * and its year against its date
   */
  private cekNomor(
    id: unknown,
    bukti: unknown,
    tahun: unknown,
    urut: number,
    nomor: unknown,
    tanggal: string,
  ): TemuanBukti | undefined {
    if (this.hari?.tanggal !== tanggal) {
      this.hari = { tanggal, akhir: akhirNomor(tanggal), tahun: Number(tanggal.slice(0, 4)) };
    }
    const seharusnya = `${String(urut).padStart(3, '0')}/${String(bukti)}${this.hari.akhir}`;
    if (seharusnya === nomor && this.hari.tahun === Number(tahun)) return undefined;
    return {
      jenis: 'urutan_bukti',
      id: Number(id),
      pesan: `Nomor bukti ${String(nomor)} tidak sesuai dengan urutan dan tanggalnya (seharusnya ${seharusnya}).`,
    };
  }

  celah(): TemuanBukti[] {
    const temuan: TemuanBukti[] = [];
    for (const [kunci, seri] of this.terlihat) {
      const [bukti, tahun] = kunci.split('/');
      let maks = seri.bit.lastIndexOf(1);
      for (const u of seri.besar) maks = Math.max(maks, u);
      const hilang: number[] = [];
      for (let i = 1; i <= maks && hilang.length < 10; i++) if (!this.ada(seri, i)) hilang.push(i);
      if (hilang.length)
        temuan.push({
          jenis: 'urutan_bukti',
          pesan: `Nomor ${bukti} tahun ${tahun} melompat: urutan ${hilang.join(', ')} tidak ada.`,
        });
    }
    return temuan;
  }
}
