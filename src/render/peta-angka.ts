// The numbers a filled template put in its cells, by `Sheet!A1`, in the order they were noted: `rekap`
// checks them and the seal covers them, as the JSON this module writes. A streamed list's numbers are kept
// as runs of (row, column, value) in typed arrays, not as a key each: a quarter's 64,000-row cash book notes
// 128,000 of them, which as object keys held about 20 MiB until the workbook was written.
import { alamat } from './a1.js';

/** A run of one sheet's cells, noted row by row and left to right (a streamed list's). */
class Deret {
  private baris = new Int32Array(1024);
  private kolom = new Int32Array(1024);
  private nilai = new Float64Array(1024);
  private n = 0;

  constructor(
    readonly sheet: string,
    /** the rows it may hold */
    readonly awal: number,
    readonly akhir: number,
  ) {}

  tambah(baris: number, kolom: number, v: number): void {
    const i = this.n - 1;
    // in order, each cell once: the same cell again would be a second key in the JSON
    if (i >= 0 && (baris < this.baris[i]! || (baris === this.baris[i] && kolom <= this.kolom[i]!)))
      throw new Error(`peta angka: ${this.sheet}!${alamat(baris, kolom)} tidak berurutan`);
    if (this.n === this.baris.length) this.tumbuh();
    this.baris[this.n] = baris;
    this.kolom[this.n] = kolom;
    this.nilai[this.n++] = v;
  }

  private tumbuh(): void {
    const [baris, kolom, nilai] = [
      new Int32Array(this.n * 2),
      new Int32Array(this.n * 2),
      new Float64Array(this.n * 2),
    ];
    baris.set(this.baris);
    kolom.set(this.kolom);
    nilai.set(this.nilai);
    [this.baris, this.kolom, this.nilai] = [baris, kolom, nilai];
  }

  *entri(): Iterable<[string, number]> {
    for (let i = 0; i < this.n; i++) yield [`${this.sheet}!${alamat(this.baris[i]!, this.kolom[i]!)}`, this.nilai[i]!];
  }

  /** Its entries as JSON members (`"Sheet!A1":5`), the sheet's quoted name written once. */
  json(tambah: (anggota: string) => void): void {
    // JSON.stringify of the key, less its closing quote: a cell's column letters and row need no escaping
    const kepala = JSON.stringify(`${this.sheet}!`).slice(0, -1);
    for (let i = 0; i < this.n; i++)
      tambah(`${kepala}${alamat(this.baris[i]!, this.kolom[i]!)}":${angkaJson(this.nilai[i]!)}`);
  }
}

/** A number as JSON.stringify writes it. */
const angkaJson = (v: number): string => (Number.isFinite(v) ? `${v}` : 'null');

export class PetaAngka {
  /** noted keys and runs, in the order noted (a Map keeps it, as an object keeps its text keys') */
  private readonly isi = new Map<string | Deret, number | Deret>();
  /** the run cells of its sheet and rows go to, while it is open */
  private terbuka: Deret | undefined;
  private readonly deret: Deret[] = [];

  /** notes `v` at `sheet`'s cell (baris, kolom): in the open run if it covers it, else under its key */
  catat(sheet: string, baris: number, kolom: number, v: number): void {
    const d = this.deret.find((x) => x.sheet === sheet && baris >= x.awal && baris <= x.akhir);
    if (d === undefined) return this.set(`${sheet}!${alamat(baris, kolom)}`, v);
    if (d !== this.terbuka)
      throw new Error(`peta angka: ${sheet}!${alamat(baris, kolom)} dicatat sesudah deretnya ditutup`);
    d.tambah(baris, kolom, v);
  }

  /** notes `v` under its key as it is (a key ambilBawah took out, put back after the list's rows) */
  set(key: string, v: number): void {
    this.isi.set(key, v);
  }

  /**
   * Opens a run, placed after everything noted so far, for `sheet`'s rows awal..akhir; `tutup` ends it. A run's
   * cells are never noted again once it is closed (the rows of a streamed list are read once).
   */
  buka(sheet: string, awal: number, akhir: number): { tutup(): void } {
    const d = new Deret(sheet, awal, akhir);
    this.isi.set(d, d);
    // the newest run of the rows first: a list's formula results follow its other numbers in a run of their own
    this.deret.unshift(d);
    this.terbuka = d;
    return { tutup: () => void (this.terbuka = this.terbuka === d ? undefined : this.terbuka) };
  }

  /** Takes out `sheet`'s keys below row `akhir` (to note them again after a list's rows), in their order. */
  ambilBawah(sheet: string, akhir: number): [string, number][] {
    const out: [string, number][] = [];
    for (const [key, v] of this.isi) {
      if (typeof key !== 'string' || !key.startsWith(`${sheet}!`) || Number(/\d+$/.exec(key)![0]) <= akhir) continue;
      out.push([key, v as number]);
      this.isi.delete(key);
    }
    return out;
  }

  *entri(): Iterable<[string, number]> {
    for (const [key, v] of this.isi) {
      if (typeof v === 'number') yield [key as string, v];
      else yield* v.entri();
    }
  }

  /** As an object (a small workbook's, a test's): the keys in the order noted. */
  objek(): Record<string, number> {
    return Object.fromEntries(this.entri());
  }

  /** The text `JSON.stringify(this.objek())` gives, without making the object. */
  json(): string {
    const potongan: string[] = [];
    let bagian: string[] = [];
    const tambah = (anggota: string) => {
      bagian.push(anggota);
      // joined a few thousand at a time: a million short strings alive at once would weigh more than the text
      if (bagian.length < 4096) return;
      potongan.push(bagian.join(','));
      bagian = [];
    };
    for (const [key, v] of this.isi) {
      if (typeof v === 'number') tambah(`${JSON.stringify(key)}:${angkaJson(v)}`);
      else v.json(tambah);
    }
    if (bagian.length) potongan.push(bagian.join(','));
    return `{${potongan.join(',')}}`;
  }
}
