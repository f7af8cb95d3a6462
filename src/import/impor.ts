// One import from start to end: read the file, find the header, map columns, decide every row,
// write the new ones in one transaction (none with --ketat if any row is refused), log the import.
import path from 'node:path';
import type { Buku } from '../books/buku.js';
import { parseField } from '../books/field.js';
import { DONATUR, PPKS, PSKS } from '../books/registers.js';
import type { Ledger } from '../db/connection.js';
import { beginImmediate, type Hitungan } from '../db/impor-repo.js';
import {
  bukaPenulisKas,
  modulPenulis,
  type PenulisKas,
  type PenulisRegister,
  type PenulisSiaga,
  siagakanPenulisRegister,
} from '../db/kas-bulk.js';
import { loadReferensi } from '../db/referensi-repo.js';
import { insertImpor, type LogImpor, updateImporHitungan } from '../db/tulis-massal.js';
import { UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { type BerkasSiap, periksaKeluaran } from '../render/pribadi.js';
import { type BarisMentah, bukaTabel, type Sel } from './baca.js';
import { siapkanDitolak } from './ditolak.js';
import type { BukuImpor, DeklarasiImpor, HasilBaris, Pengolah } from './jenis.js';
import { DEKLARASI_KAS, pengolahKas } from './kas.js';
import { BATAS_JUDUL, cariKepala, checkKolom } from './kolom.js';
import { deklarasiRegister, kolomRegister, pengolahRegister } from './register.js';

const REGISTER: Record<Exclude<BukuImpor, 'kas'>, Buku> = { donatur: DONATUR, ppks: PPKS, psks: PSKS };

export interface OpsiImpor {
  buku: BukuImpor;
  berkas: string;
  kolom: Record<string, string>;
  uji: boolean;
  ketat: boolean;
  terimaMirip: boolean;
  /** a field's value for every row without it (`ppks impor --kategori FM`) */
  bawaan?: Record<string, string>;
  ditolak?: string;
  waktu: string;
  /** today in WIB (ctx.today()) */
  hariIni: string;
  oleh: string;
  onProgress?: (posisi: number, total: number) => void;
  /** where messages for people go (the command's io.err) */
  err?: (teks: string) => void;
}

export interface Ringkasan extends Hitungan {
  impor_id: number | null;
  uji: boolean;
  /** true when --ketat refused the whole file */
  batal_ketat: boolean;
  berkas_ditolak?: string;
  /** every row that was not simply added, with its decision and reason */
  baris: HasilBaris[];
}

function deklarasi(buku: BukuImpor, bawaan?: Record<string, string>): DeklarasiImpor {
  return buku === 'kas' ? DEKLARASI_KAS : deklarasiRegister(REGISTER[buku], undefined, bawaan);
}

const kosong = (sel: Sel[]) => sel.every((s) => typeof s === 'string' && (s === '' || s.trim() === ''));

/**
 * Test hook: WKSBM_TES_JEDA_IMPOR=ms pauses inside the transaction after the first row, so a test can kill the process
 * there.
 */
function jedaTes(err: ((teks: string) => void) | undefined): void {
  const ms = Number(process.env.WKSBM_TES_JEDA_IMPOR);
  if (!ms) return;
  err?.(pesan.imporJeda());
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export async function jalankanImpor(ledger: Ledger, o: OpsiImpor): Promise<Ringkasan> {
  const dek = deklarasi(o.buku, o.bawaan);
  checkKolom(o.kolom, dek.fields);
  // checked again when it is written, before the commit: here so a wrong path costs no reading
  if (o.ditolak) periksaKeluaran(o.ditolak, [o.berkas]);
  // Rows are written by a worker holding the transaction (src/db/kas-bulk.ts), so checking and writing run on
  // both cores. A register's worker starts now, while this thread reads the file and finds its header.
  const modul = !o.uji && berkasNyata(ledger.path) ? modulPenulis() : undefined;
  const siaga = modul && o.buku !== 'kas' ? siagaRegister(modul, ledger, o.buku) : undefined;
  try {
    return await imporDengan(ledger, o, dek, modul, siaga);
  } finally {
    // a file refused before its rows were read never gave the worker its log: nothing was written
    await siaga?.batal();
  }
}

async function imporDengan(
  ledger: Ledger,
  o: OpsiImpor,
  dek: DeklarasiImpor,
  modul: URL | undefined,
  siaga: PenulisSiaga | undefined,
): Promise<Ringkasan> {
  const tabel = await bukaTabel(o.berkas);
  const iter = tabel.rows[Symbol.asyncIterator]();

  // The header: among the first non-blank rows (titles may come first), the one that maps every
  // required field best. Rows after it that were read ahead are data.
  const awal: BarisMentah[] = [];
  let sisa: BarisMentah[] = [];
  while (awal.length < BATAS_JUDUL) {
    const n = await iter.next();
    if (n.done) break;
    for (const b of n.value) {
      if (awal.length >= BATAS_JUDUL) sisa.push(b);
      else if (!kosong(b.sel)) awal.push(b);
    }
  }
  if (awal.length === 0) throw new UserError(pesan.imporBerkasKosong(o.berkas));
  const pilih = cariKepala(
    awal.map((b) => b.sel),
    dek.fields,
    o.kolom,
    dek.wajib,
  );
  const kepala = { sel: awal[pilih.indeks]!.sel, peta: pilih.peta };
  sisa = [...awal.slice(pilih.indeks + 1), ...sisa];
  const peta = kepala.peta;

  const ref = await loadReferensi(ledger.db);
  // `--kategori lansia` is checked once, and stored as its code for every row
  const bawaan = Object.fromEntries(
    Object.entries(o.bawaan ?? {}).map(([nama, v]) => [
      nama,
      String(parseField(dek.fields.find((f) => f.name === nama)!, v, ref)),
    ]),
  );
  const logImpor = {
    buku: o.buku,
    berkas: path.basename(o.berkas),
    sha256: tabel.sha256,
    oleh: o.oleh,
    waktu: o.waktu,
  };
  const penulis = modul ? await bukaPenulis(modul, ledger, o.buku, logImpor, tabel.total, siaga) : undefined;
  const tx: { commit(h: Hitungan): void | Promise<void>; rollback(): void | Promise<void> } | undefined = o.uji
    ? undefined
    : (penulis ?? txUtama(ledger, () => imporId));
  let imporId: number | null = null;
  let ditolak: BerkasSiap | undefined;
  let ringkasan: Ringkasan;
  try {
    imporId = penulis ? penulis.imporId : tx ? insertImpor(ledger.sqlite, logImpor) : null;
    const pengolah: Pengolah =
      o.buku === 'kas'
        ? await pengolahKas({ ledger, ref, imporId, waktu: o.waktu, uji: o.uji, tujuan: penulis?.kas })
        : pengolahRegister(REGISTER[o.buku], {
            ledger,
            ref,
            imporId,
            waktu: o.waktu,
            hariIni: o.hariIni,
            uji: o.uji,
            terimaMirip: o.terimaMirip,
            bawaan,
            penyisip: penulis?.register?.penyisip,
          });

    const h: Hitungan = { dibaca: 0, ditambah: 0, sudah_ada: 0, mungkin_ganda: 0, ditolak: 0 };
    const baris: HasilBaris[] = [];
    const tidakMasuk: { sel: Sel[]; alasan: string }[] = [];
    let sel: Sel[] = [];
    const ambil = (field: string): Sel | undefined => {
      const i = peta.get(field);
      return i === undefined ? undefined : (sel[i] ?? '');
    };
    let lot: BarisMentah[] | undefined = sisa;
    while (lot) {
      for (const b of lot) {
        sel = b.sel;
        if (kosong(sel)) continue;
        h.dibaca++;
        const hasil = pengolah.olah(b.baris, ambil);
        h[hasil.keputusan === 'baru' ? 'ditambah' : hasil.keputusan]++;
        if (hasil.keputusan !== 'baru') {
          baris.push(hasil);
          if (hasil.keputusan !== 'sudah_ada') tidakMasuk.push({ sel, alasan: hasil.alasan ?? '' });
        }
        if (h.dibaca === 1 && tx) {
          penulis?.kirim();
          jedaTes(o.err);
        }
        if (o.onProgress && h.dibaca % 2000 === 0) o.onProgress(tabel.posisi(), tabel.total);
      }
      const n = await iter.next();
      lot = n.done ? undefined : n.value;
    }
    o.onProgress?.(tabel.total, tabel.total);

    const batalKetat = o.ketat && h.ditolak > 0;
    // written before the commit: a disk too full for it keeps nothing of the import
    ditolak =
      o.ditolak && tidakMasuk.length ? await siapkanDitolak(o.ditolak, kepala.sel, tidakMasuk, tabel) : undefined;
    if (tx && imporId !== null) {
      if (batalKetat) await tx.rollback();
      else {
        pengolah.selesai?.();
        await tx.commit(h);
      }
    }
    ringkasan = {
      ...h,
      ditambah: batalKetat ? 0 : h.ditambah,
      impor_id: batalKetat ? null : imporId,
      uji: o.uji,
      batal_ketat: batalKetat,
      baris,
    };
    if (ditolak) ringkasan.berkas_ditolak = o.ditolak;
  } catch (err) {
    ditolak?.buang();
    await tx?.rollback();
    throw err;
  }
  // the import is in (or was all refused): only now does the file replace one of its name
  ditolak?.pasang();
  return ringkasan;
}

/** The transaction on the command's own connection; commit logs the counts first. */
function txUtama(ledger: Ledger, imporId: () => number | null): { commit(h: Hitungan): void; rollback(): void } {
  const tx = beginImmediate(ledger.sqlite);
  return {
    commit(h) {
      updateImporHitungan(ledger.sqlite, imporId()!, h);
      tx.commit();
    },
    rollback: () => tx.rollback(),
  };
}

/**
 * The writer thread of this import: cash rows, or a register's rows with their journal lots.
 * `perkiraan`: the file's lines (or, where a quoted cell spans lines, its characters): never fewer than its rows.
 */
async function bukaPenulis(
  modul: URL,
  ledger: Ledger,
  buku: BukuImpor,
  log: LogImpor,
  perkiraan: number,
  siaga: PenulisSiaga | undefined,
): Promise<
  { kas?: PenulisKas; register?: PenulisRegister } & Pick<PenulisKas, 'imporId' | 'kirim' | 'commit' | 'rollback'>
> {
  if (buku === 'kas') {
    const kas = await bukaPenulisKas(modul, ledger.path, log, perkiraan);
    return { kas, imporId: kas.imporId, kirim: kas.kirim, commit: kas.commit, rollback: kas.rollback };
  }
  const register = await (siaga ?? siagaRegister(modul, ledger, buku)).buka(log);
  return {
    register,
    imporId: register.imporId,
    kirim: register.kirim,
    commit: register.commit,
    rollback: register.rollback,
  };
}

/** A register import's worker, started before the file is read (its log is given once the header is found). */
function siagaRegister(modul: URL, ledger: Ledger, buku: Exclude<BukuImpor, 'kas'>): PenulisSiaga {
  const b = REGISTER[buku];
  return siagakanPenulisRegister(modul, ledger.path, {
    tabel: b.tabel,
    kolom: kolomRegister(b, ledger.sqlite),
  });
}

/** A worker opens the unit by its path; an in-memory database has none to share. */
function berkasNyata(p: string): boolean {
  return p !== '' && p !== ':memory:' && !p.startsWith('file:');
}
