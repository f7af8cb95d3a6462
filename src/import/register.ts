// Importing rows into a register (donatur, PPKS, PSKS): each field through parseField, then the
// book's stable key (phone, NIK, or cleaned name + address) decides new, already there, or maybe the same person.
import type { Buku } from '../books/buku.js';
import { type Nilai, parseField } from '../books/field.js';
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
 * A row the import has met, in the book (by its id) or earlier in this file (by its line): the text that names
 * it in a message is made only when a later row matches it, not for each of the rows an import adds.
 */
class Calon {
  constructor(
    /** the row's id in the book, or null for a row of this file */
    readonly id: number | null,
    /** the row's line in the file (a row of this file) */
    readonly baris: number,
    /** its name as written */
    readonly teks: string,
    readonly nik: string | null,
    /** its name without titles (bersihkanNama) */
    readonly nama: string,
  ) {}

  get rujukan(): string {
    return this.id === null ? `baris ${this.baris} berkas ini (${this.teks})` : `ID ${this.id} (${this.teks})`;
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

/** The columns a register import writes, in the order of each row's values. */
export function kolomRegister(buku: Buku, sqlite: Ledger['sqlite']): string[] {
  const { fields } = deklarasiRegister(buku, kolomTabel(sqlite, buku.tabel));
  return [...fields.map((f) => f.name), 'impor_id', 'dibuat'];
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

/** The row's keys, one per group of the book's declaration (undefined where a field is empty), and its name. */
interface KunciBaris {
  kunci: (string | undefined)[];
  nama: string;
}

/**
 * The keys of a row, made by one function per group compiled once: a million-row import makes its keys
 * without an object per field.
 */
function penyusunKunci(kunci: string[][], kolomAda: Set<string>): (nilai: Record<string, unknown>) => KunciBaris {
  const kolom = [...new Set(['nama', ...kunci.flat()])].filter((k) => kolomAda.has(k));
  const grup = kunci.map((g) => ({ i: g.map((f) => kolom.indexOf(f)) }));
  const kv = new Array<string>(kolom.length);
  const iNama = kolom.indexOf('nama');
  const alamat = new Map<string, string>();
  return (nilai) => {
    for (let j = 0; j < kolom.length; j++) kv[j] = nilaiKunci(kolom[j]!, nilai[kolom[j]!], alamat);
    const hasil: (string | undefined)[] = new Array(grup.length);
    for (let g = 0; g < grup.length; g++) {
      const { i } = grup[g]!;
      let teks: string | undefined = '';
      for (let j = 0; j < i.length; j++) {
        // a field the table lacks counts as filled, and empty
        const v = i[j]! < 0 ? '' : kv[i[j]!]!;
        if (v === '' && i[j]! >= 0) {
          teks = undefined;
          break;
        }
        teks = j ? `${teks}|${v}` : v;
      }
      hasil[g] = teks;
    }
    return { kunci: hasil, nama: iNama < 0 ? '' : kv[iNama]! };
  };
}

export function pengolahRegister(buku: Buku, o: OpsiRegister): Pengolah {
  const kolomAda = kolomTabel(o.ledger.sqlite, buku.tabel);
  const { fields } = deklarasiRegister(buku, kolomAda);
  const kunci = buku.kunci ?? [['nama']];
  const adaNik = fields.some((f) => f.name === 'nik');
  // one map per group of the key: a phone is looked up as it is, without a group's prefix
  const kunciMap = kunci.map(() => new Map<string, Calon>());
  // most names are one person's: one object, an array only for a name met twice
  const namaMap = new Map<string, Calon | Calon[]>();

  const kolomKunci = [...new Set(['nama', ...kunci.flat(), ...(adaNik ? ['nik'] : [])])].filter((k) => kolomAda.has(k));
  const kunciDari = penyusunKunci(kunci, kolomAda);
  const ingat = (nilai: Record<string, unknown>, k: KunciBaris, id: number | null, baris: number, teks: string) => {
    // one object per row, shared by its keys and its name: an import remembers every row already in the book
    const calon = new Calon(id, baris, teks, adaNik ? ((nilai.nik as string | null) ?? null) : null, k.nama);
    for (let g = 0; g < k.kunci.length; g++) {
      const x = k.kunci[g];
      if (x !== undefined && !kunciMap[g]!.has(x)) kunciMap[g]!.set(x, calon);
    }
    if (!k.nama) return;
    const c = namaMap.get(k.nama);
    if (c === undefined) namaMap.set(k.nama, calon);
    else if (Array.isArray(c)) c.push(calon);
    else namaMap.set(k.nama, [c, calon]);
  };
  /** the rows of the same name, bar those whose NIK says another person */
  const miripDengan = (nama: string, nik: unknown): Calon[] => {
    const c = namaMap.get(nama);
    if (c === undefined) return [];
    return (Array.isArray(c) ? c : [c]).filter((x) => !(x.nik && nik && x.nik !== nik));
  };

  for (const r of iterateRegister(o.ledger.sqlite, buku.tabel, kolomKunci))
    ingat(r, kunciDari(r), Number(r.id), 0, String(r.nama));

  const insert = o.uji
    ? undefined
    : (o.penyisip ?? registerInserter(o.ledger.sqlite, buku.tabel, kolomRegister(buku, o.ledger.sqlite)));
  // the values of one row as written, in `kolom` order (the inserter copies them)
  const ditulis: unknown[] = [...fields.map(() => null), o.imporId, o.waktu];

  // each field's last cell text and its value: a column that repeats (the default date, a kind) is parsed once per
  // run of equal cells. parseField depends on the field and the text only, bar a birth date checked against today.
  const terakhir = fields.map((f) => ({ teks: undefined as string | undefined, nilai: null as Nilai, f }));
  const parse = (j: number, teks: string): Nilai => {
    const t = terakhir[j]!;
    if (teks === t.teks) return t.nilai;
    const v = parseField(t.f, teks, o.ref);
    if (t.f.type !== 'tanggal' || t.f.rentang !== 'lahir') {
      t.teks = teks;
      t.nilai = v;
    }
    return v;
  };

  return {
    olah(baris, sel): HasilBaris {
      const nilai: Record<string, Nilai> = {};
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
          nilai[f.name] = parse(j, teks);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          (salah ??= []).push(err.message);
        }
      }
      const ringkas = String(sel('nama') ?? '').trim();
      if (salah) return { baris, keputusan: 'ditolak', ringkas, alasan: salah.join(' ') };

      // the first group the row fills is its key: phone, else name + address
      const k = kunciDari(nilai);
      const i = k.kunci.findIndex((x) => x !== undefined);
      const ada = i >= 0 ? kunciMap[i]!.get(k.kunci[i]!) : undefined;
      const keluarga = ada !== undefined && bersamaLain(kunci[i]!, ada.nama, k.nama);
      if (keluarga && !o.terimaMirip)
        return { baris, keputusan: 'mungkin_ganda', ringkas, alasan: pesan.imporHpBersama(ada.rujukan) };
      if (ada && !keluarga) return { baris, keputusan: 'sudah_ada', ringkas, alasan: pesan.imporSudahAda(ada.rujukan) };

      const mirip = miripDengan(k.nama, nilai.nik);
      if (mirip.length && !o.terimaMirip)
        return {
          baris,
          keputusan: 'mungkin_ganda',
          ringkas,
          alasan: pesan.imporMungkinGanda(mirip.map((c) => c.rujukan).join(', ')),
        };

      for (let j = 0; j < fields.length; j++) ditulis[j] = nilai[fields[j]!.name];
      insert?.tulis(ditulis);
      ingat(nilai, k, null, baris, ringkas);
      return { baris, keputusan: 'baru', ringkas };
    },
    selesai: () => insert?.akhiri(),
  };
}
