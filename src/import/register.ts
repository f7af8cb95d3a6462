// Importing rows into a register (donatur, PPKS, PSKS): each field through parseField, then the
// book's stable key (phone, NIK, or cleaned name + address) decides new, already there, or maybe the same person.
import type { Buku } from '../books/buku.js';
import { type Field, type Nilai, parseField } from '../books/field.js';
import type { Ledger } from '../db/connection.js';
import { iterateRegister, kolomTabel, type PenyisipRegister, registerInserter } from '../db/impor-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import type { DeklarasiImpor, HasilBaris, Pengolah } from './jenis.js';
import { selSebagaiTeks } from './kolom.js';
import { bersihkanNama, normAlamat } from './kunci.js';

/**
 * The fields a file may fill and the columns it must have. A field that defaults to today
 * (terdaftar), or that the command gives for every row (`--kategori`), need not be in the file;
 * one the book takes from another (a PPKS's sex from the NIK) needs that one or its own.
 */
export function deklarasiRegister(
  buku: Buku,
  kolomAda?: Set<string>,
  bawaan: Record<string, string> = {},
): DeklarasiImpor {
  const fields = buku.fields.filter((f) => !kolomAda || kolomAda.has(f.name));
  const wajib = fields
    .filter((f) => f.required && !f.hariIni && !f.nilaiBawaan && bawaan[f.name] === undefined)
    .map((f) => (buku.isiDari?.[f.name] ? [f.name, buku.isiDari[f.name]!] : [f.name]));
  return { fields, wajib };
}

/**
 * The rows the import has met, in the book (by their id) or earlier in this file (by their line), one slot per row
 * in parallel arrays: a 100,000-row import remembers every row without an object for each. The text that names a
 * row in a message is made only when a later row matches it.
 */
class Calon {
  /** the row's id in the book, or -1 for a row of this file */
  readonly id: number[] = [];
  /** the row's line in the file (a row of this file) */
  readonly baris: number[] = [];
  /** its name as written */
  readonly teks: string[] = [];
  readonly nik: (string | null)[] = [];
  /** its name without titles (bersihkanNama) */
  readonly nama: string[] = [];

  tambah(id: number | null, baris: number, teks: string, nik: string | null, nama: string): number {
    this.id.push(id ?? -1);
    this.baris.push(baris);
    this.teks.push(teks);
    this.nik.push(nik);
    return this.nama.push(nama) - 1;
  }

  rujukan(c: number): string {
    const id = this.id[c]!;
    return id < 0 ? `baris ${this.baris[c]} berkas ini (${this.teks[c]})` : `ID ${id} (${this.teks[c]})`;
  }
}

export interface OpsiRegister {
  ledger: Ledger;
  ref: Referensi;
  imporId: number | null;
  waktu: string;
  /** today in WIB: the value of a date field that defaults to today when the file leaves it empty */
  hariIni: string;
  uji: boolean;
  terimaMirip: boolean;
  /** the value of a field for every row that leaves it empty (`--kategori FM`) */
  bawaan?: Record<string, string>;
  /** where new rows go (a writer thread, bukaPenulisRegister); otherwise inserted on this connection */
  penyisip?: PenyisipRegister;
}

/**
 * The columns of each row's values in a register import: its fields. The import's id and time (impor_id, dibuat)
 * are the same in every row, given to the inserter once.
 */
export function kolomRegister(buku: Buku, sqlite: Ledger['sqlite']): string[] {
  const { fields } = deklarasiRegister(buku, kolomTabel(sqlite, buku.tabel));
  return fields.map((f) => f.name);
}

/** `alamat` is one of a few dozen in a unit: each normalised once, then remembered (up to 10,000 of them) */
function nilaiKunci(field: string, v: unknown, alamat: Map<string, string>): string {
  if (v === null || v === undefined || v === '') return '';
  if (field === 'nama') return bersihkanNama(String(v));
  if (field !== 'alamat') return String(v);
  const teks = String(v);
  let norm = alamat.get(teks);
  if (norm !== undefined) return norm;
  norm = normAlamat(teks);
  if (alamat.size < 10_000) alamat.set(teks, norm);
  return norm;
}

/**
 * A key that is only a phone, shared by a person of another name: husband and wife share one phone, so
 * it is maybe the same donor, never certainly. A NIK is one person's, whatever name is written.
 */
function bersamaLain(grup: string[], namaAda: string, nama: string): boolean {
  return grup.includes('hp') && !grup.includes('nama') && namaAda !== '' && nama !== '' && namaAda !== nama;
}

/** The keys of a book's declaration made from a row's key columns, normalised once per row (nilaiKunci). */
interface PenyusunKunci {
  /** key columns per row */
  lebar: number;
  /** the row's key columns, normalised, into `kv` from `dari` */
  isi(nilai: Record<string, unknown>, kv: string[], dari: number): void;
  /** group g's key of the row at `dari` in `kv`; undefined when one of its fields is empty */
  kunci(g: number, kv: readonly string[], dari: number): string | undefined;
  /** the row's name without titles */
  nama(kv: readonly string[], dari: number): string;
}

/**
 * A row's keys are made from its key columns kept in one flat array (`kv`), without an object per row or per
 * field; a group's key (a phone, or name and address joined) is made only when a map of that group asks for it.
 */
function penyusunKunci(kunci: string[][], kolomAda: Set<string>): PenyusunKunci {
  const kolom = [...new Set(['nama', ...kunci.flat()])].filter((k) => kolomAda.has(k));
  const grup = kunci.map((g) => g.map((f) => kolom.indexOf(f)));
  const iNama = kolom.indexOf('nama');
  const alamat = new Map<string, string>();
  return {
    lebar: kolom.length,
    isi(nilai, kv, dari) {
      for (let j = 0; j < kolom.length; j++) kv[dari + j] = nilaiKunci(kolom[j]!, nilai[kolom[j]!], alamat);
    },
    kunci(g, kv, dari) {
      const i = grup[g]!;
      let teks = '';
      for (let j = 0; j < i.length; j++) {
        // a field the table lacks counts as filled, and empty
        const v = i[j]! < 0 ? '' : kv[dari + i[j]!]!;
        if (v === '' && i[j]! >= 0) return undefined;
        teks = j ? `${teks}|${v}` : v;
      }
      return teks;
    },
    nama: (kv, dari) => (iNama < 0 ? '' : kv[dari + iNama]!),
  };
}

const TIDAK_ADA: readonly number[] = [];

/** What olah looked up for a new row: group g's key x (in no row yet; g -1 for none), the rows of its name. */
interface Dicari {
  g: number;
  x: string;
  sama: number | number[] | undefined;
}

/** rows whose cells a field remembers the values of; past them a column of (nearly) all different cells stops */
const INGAT_NILAI = 64;
const LUPUT_MAKS = 256;

/**
 * parseField of one field, remembered per cell text: a column that repeats (the default date, a kind, an address of
 * a few dozen) is parsed once per distinct cell. parseField depends on the field and the text only, bar a birth date
 * checked against today. A column of names or phones stops remembering after LUPUT_MAKS misses, and keeps only
 * its last cell (a run of equal cells).
 */
function pengurai(f: Field, ref: Referensi): (teks: string) => Nilai {
  if (f.type === 'tanggal' && f.rentang === 'lahir') return (teks) => parseField(f, teks, ref);
  let peta: Map<string, Nilai> | undefined = new Map();
  let luput = 0;
  let teksAkhir: string | undefined;
  let nilaiAkhir: Nilai = null;
  return (teks) => {
    if (teks === teksAkhir) return nilaiAkhir;
    let v = peta?.get(teks);
    if (v === undefined) {
      v = parseField(f, teks, ref);
      if (peta && peta.size < INGAT_NILAI) peta.set(teks, v);
      else if (peta && ++luput > LUPUT_MAKS) peta = undefined;
    }
    teksAkhir = teks;
    nilaiAkhir = v;
    return v;
  };
}

export function pengolahRegister(buku: Buku, o: OpsiRegister): Pengolah {
  const kolomAda = kolomTabel(o.ledger.sqlite, buku.tabel);
  const { fields } = deklarasiRegister(buku, kolomAda);
  const kunci = buku.kunci ?? [['nama']];
  const adaNik = fields.some((f) => f.name === 'nik');
  const sk = penyusunKunci(kunci, kolomAda);
  const calon = new Calon();
  // every row's key columns, `sk.lebar` to a row, in the order of `calon`; the row being decided goes after them
  const kv: string[] = [];
  // one map per group of the key (a phone is looked up as it is, without a group's prefix), made the first time a
  // row is looked up by that group: a file of rows that all have a phone never makes the map of names and addresses
  const petaKunci: (Map<string, number> | undefined)[] = kunci.map(() => undefined);
  // most names are one person's: a row's index, an array only for a name met twice
  const namaMap = new Map<string, number | number[]>();

  const petaGrup = (g: number): Map<string, number> => {
    let m = petaKunci[g];
    if (m) return m;
    m = new Map();
    for (let c = 0; c < calon.nama.length; c++) {
      const x = sk.kunci(g, kv, c * sk.lebar);
      if (x !== undefined && !m.has(x)) m.set(x, c);
    }
    petaKunci[g] = m;
    return m;
  };
  /**
   * The row whose key columns are at the end of `kv` joins the rows met. `dicari`: what olah already looked up for
   * it (group g's key `x`, found in no row; the rows of the same name), so no map is asked twice of one key.
   */
  const ingat = (nik: unknown, id: number | null, baris: number, teks: string, dicari?: Dicari) => {
    const dari = calon.nama.length * sk.lebar;
    const nama = sk.nama(kv, dari);
    const c = calon.tambah(id, baris, teks, adaNik ? ((nik as string | null) ?? null) : null, nama);
    for (let h = 0; h < petaKunci.length; h++) {
      const m = petaKunci[h];
      if (!m) continue;
      if (h === dicari?.g) m.set(dicari.x, c);
      else {
        const k = sk.kunci(h, kv, dari);
        if (k !== undefined && !m.has(k)) m.set(k, c);
      }
    }
    if (!nama) return;
    const ada = dicari ? dicari.sama : namaMap.get(nama);
    if (ada === undefined) namaMap.set(nama, c);
    else if (typeof ada === 'number') namaMap.set(nama, [ada, c]);
    else ada.push(c);
  };
  /** the rows of the same name (`sama`, namaMap's), bar those whose NIK says another person */
  const miripDengan = (sama: number | number[] | undefined, nik: unknown): readonly number[] => {
    if (sama === undefined) return TIDAK_ADA;
    return (typeof sama === 'number' ? [sama] : sama).filter((c) => {
      const n = calon.nik[c];
      return !(n && nik && n !== nik);
    });
  };

  const kolomKunci = [...new Set(['nama', ...kunci.flat(), ...(adaNik ? ['nik'] : [])])].filter((k) => kolomAda.has(k));
  for (const r of iterateRegister(o.ledger.sqlite, buku.tabel, kolomKunci)) {
    sk.isi(r, kv, calon.nama.length * sk.lebar);
    ingat(r.nik, Number(r.id), 0, String(r.nama));
  }

  const tetap = { impor_id: o.imporId, dibuat: o.waktu };
  const insert = o.uji
    ? undefined
    : (o.penyisip ?? registerInserter(o.ledger.sqlite, buku.tabel, kolomRegister(buku, o.ledger.sqlite), { tetap }));
  // the values of one row's fields as written, in `kolom` order (the inserter copies them)
  const ditulis: unknown[] = fields.map(() => null);
  const parse = fields.map((f) => pengurai(f, o.ref));
  const kosong: Record<string, undefined> = Object.fromEntries(fields.map((f) => [f.name, undefined]));

  return {
    olah(baris, sel): HasilBaris {
      // every field present from the start (undefined until parsed): one shape for every row's object
      const nilai: Record<string, Nilai | undefined> = { ...kosong };
      let salah: string[] | undefined;
      for (let j = 0; j < fields.length; j++) {
        const f = fields[j]!;
        try {
          let teks = selSebagaiTeks(f, sel(f.name));
          if (teks.trim() === '')
            teks =
              o.bawaan?.[f.name] ??
              buku.isiDariLain?.(f.name, nilai, o.hariIni) ??
              (f.hariIni ? o.hariIni : (f.nilaiBawaan ?? ''));
          ditulis[j] = nilai[f.name] = parse[j]!(teks);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          (salah ??= []).push(err.message);
        }
      }
      const ringkas = String(sel('nama') ?? '').trim();
      if (salah) return { baris, keputusan: 'ditolak', ringkas, alasan: salah.join(' ') };

      // the first group the row fills is its key: phone, else name + address
      const dari = calon.nama.length * sk.lebar;
      sk.isi(nilai, kv, dari);
      let i = -1;
      let x: string | undefined;
      for (let g = 0; g < kunci.length && i < 0; g++) if ((x = sk.kunci(g, kv, dari)) !== undefined) i = g;
      const ada = i >= 0 ? petaGrup(i).get(x!) : undefined;
      const nama = sk.nama(kv, dari);
      const keluarga = ada !== undefined && bersamaLain(kunci[i]!, calon.nama[ada]!, nama);
      if (keluarga && !o.terimaMirip)
        return { baris, keputusan: 'mungkin_ganda', ringkas, alasan: pesan.imporHpBersama(calon.rujukan(ada)) };
      if (ada !== undefined && !keluarga)
        return { baris, keputusan: 'sudah_ada', ringkas, alasan: pesan.imporSudahAda(calon.rujukan(ada)) };

      const sama = nama ? namaMap.get(nama) : undefined;
      const mirip = miripDengan(sama, nilai.nik);
      if (mirip.length && !o.terimaMirip)
        return {
          baris,
          keputusan: 'mungkin_ganda',
          ringkas,
          alasan: pesan.imporMungkinGanda(mirip.map((c) => calon.rujukan(c)).join(', ')),
        };

      insert?.tulis(ditulis);
      // a key found in a row is one of the same phone in a family (terimaMirip): that row keeps it
      ingat(nilai.nik, null, baris, ringkas, { g: ada === undefined ? i : -1, x: x!, sama });
      return { baris, keputusan: 'baru', ringkas };
    },
    selesai: () => insert?.akhiri(),
  };
}
