// Importing cash entries: each row becomes a receipt or a payment checked by the ledger's rules
// (src/ledger/bulk.ts); a row already in the book (same content, same occurrence) is not posted twice.

import { type Field, matchOpsi, normalizePhone, type Opsi, optionsOf, parseField } from '../books/field.js';
import { KAS_FIELDS } from '../books/kas.js';
import { KAS_IMPOR_FIELDS, KAS_IMPOR_WAJIB } from '../books/kas-impor.js';
import type { Ledger } from '../db/connection.js';
import { iterateRegister, kasBerlakuPada, lastKas, maxUrut } from '../db/impor-repo.js';
import { kasLangsung, type TujuanKas } from '../db/kas-bulk.js';
import { closedQuarters } from '../db/periode-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { bacaHarian } from '../db/saldo-repo.js';
import { formatTanggal } from '../domain/dates.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { formatRupiah, type Rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { PostingMassal } from '../ledger/bulk.js';
import { bacaRentang } from '../ledger/keadaan.js';
import type { EntriBaru } from '../ledger/posting.js';
import type { DeklarasiImpor, HasilBaris, Pengolah } from './jenis.js';
import { bersihkanNama, normTeks } from './kunci.js';

export const DEKLARASI_KAS: DeklarasiImpor = { fields: KAS_IMPOR_FIELDS, wajib: KAS_IMPOR_WAJIB };

const FIELD = new Map(KAS_IMPOR_FIELDS.map((f) => [f.name, f]));
const ARAH: Record<string, 'masuk' | 'keluar'> = {
  masuk: 'masuk',
  m: 'masuk',
  pemasukan: 'masuk',
  penerimaan: 'masuk',
  debet: 'masuk',
  debit: 'masuk',
  bkm: 'masuk',
  in: 'masuk',
  keluar: 'keluar',
  k: 'keluar',
  pengeluaran: 'keluar',
  kredit: 'keluar',
  bkk: 'keluar',
  out: 'keluar',
};

export interface OpsiKas {
  ledger: Ledger;
  ref: Referensi;
  imporId: number | null;
  waktu: string;
  uji: boolean;
  /** where posted rows go (the import's writer thread); without it they are written on this connection */
  tujuan?: TujuanKas;
}

export function kunciKas(e: {
  tanggal: string;
  arah: string;
  jumlah: Rupiah;
  sumber?: string | null;
  jenis?: string | null;
  dana?: string | null;
  akun: string;
  uraian?: string | null;
}): string {
  return (
    `${e.tanggal}|${e.arah}|${e.jumlah}|${e.sumber ?? e.jenis ?? ''}|${e.dana ?? ''}|${e.akun}` +
    `|${normTeks(e.uraian)}`
  );
}

export async function pengolahKas(o: OpsiKas): Promise<Pengolah> {
  const sqlite = o.ledger.sqlite;
  const awal = {
    ujung: lastKas(sqlite),
    maxUrut: maxUrut(sqlite),
    tertutup: await closedQuarters(o.ledger.db),
    rentang: await bacaRentang(o.ledger.db),
    harian: bacaHarian(sqlite),
  };
  const poster = new PostingMassal(o.ref, awal, o.waktu);
  const tujuan = o.uji ? undefined : (o.tujuan ?? kasLangsung(sqlite));

  const sudahAda = pencocokKas(sqlite, awal.ujung === undefined);
  const kemunculan = new Map<string, number>();

  let donatur: { id: Set<number>; hp: Map<string, number[]>; nama: Map<string, number[]> } | undefined;
  const cariDonatur = (raw: string): number => {
    if (!donatur) {
      donatur = { id: new Set(), hp: new Map(), nama: new Map() };
      for (const r of iterateRegister(sqlite, 'donatur', ['nama', 'hp'])) {
        const id = Number(r.id);
        donatur.id.add(id);
        if (r.hp) donatur.hp.set(String(r.hp), [...(donatur.hp.get(String(r.hp)) ?? []), id]);
        const n = bersihkanNama(String(r.nama));
        donatur.nama.set(n, [...(donatur.nama.get(n) ?? []), id]);
      }
    }
    const s = raw.trim();
    if (/^\d{1,7}$/.test(s)) {
      if (!donatur.id.has(Number(s))) throw new UserError(pesan.donaturTidakAda(s));
      return Number(s);
    }
    let hp: string | undefined;
    try {
      hp = normalizePhone(s);
    } catch {
      hp = undefined;
    }
    const found = hp ? (donatur.hp.get(hp) ?? []) : (donatur.nama.get(bersihkanNama(s)) ?? []);
    if (found.length === 0) throw new UserError(pesan.donaturTidakAda(s));
    if (found.length > 1) throw new UserError(pesan.donaturGanda(s, found.length));
    return found[0]!;
  };

  const sumberOpsi = optionsOf(KAS_FIELDS.sumber, o.ref);
  const jenisOpsi = optionsOf(KAS_FIELDS.jenis, o.ref);
  const sumberCache = new Map<string, Opsi | undefined>();
  const jenisCache = new Map<string, Opsi | undefined>();
  const cocok = (opsi: Opsi[], cache: Map<string, Opsi | undefined>, raw: string): Opsi | undefined => {
    if (cache.has(raw)) return cache.get(raw);
    const o = matchOpsi(opsi, raw);
    if (cache.size < 10_000) cache.set(raw, o);
    return o;
  };

  // dates, amounts, codes, funds and accounts repeat down a file: parse each spelling once
  const ingatan = new Map<string, Map<string, { v: unknown } | { e: string }>>();
  const PAKAI_INGATAN = new Set(['tanggal', 'masuk', 'keluar', 'jumlah', 'dana', 'akun', 'layanan', 'asnaf']);

  return {
    selesai() {
      tujuan?.akhiri(poster.hariBerubah());
    },
    olah(baris, sel): HasilBaris {
      const salah: string[] = [];
      const teks = (n: string) => {
        const v = sel(n);
        return v === undefined ? '' : String(v).trim();
      };
      const nilai = <T>(n: string, f: Field = FIELD.get(n)!): T | null => {
        const raw = teks(n);
        const m = PAKAI_INGATAN.has(n) ? (ingatan.get(n) ?? ingatan.set(n, new Map()).get(n)!) : undefined;
        const lama = m?.get(raw);
        if (lama) {
          if ('e' in lama) salah.push(lama.e);
          return 'v' in lama ? (lama.v as T | null) : null;
        }
        try {
          const v = parseField(f, raw, o.ref) as T | null;
          if (m && m.size < 10_000) m.set(raw, { v });
          return v;
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          salah.push(err.message);
          if (m && m.size < 10_000) m.set(raw, { e: err.message });
          return null;
        }
      };
      const tanggal = nilai<string>('tanggal');
      const uraian = nilai<string>('uraian');
      const masuk = nilai<Rupiah>('masuk');
      const keluar = nilai<Rupiah>('keluar');
      let jumlah: Rupiah | null = null;
      let arah: 'masuk' | 'keluar' | undefined;
      const arahTeks = teks('arah').toLowerCase();
      if (arahTeks) {
        arah = ARAH[arahTeks];
        if (!arah) salah.push(pesan.imporArahTidakDikenal(arahTeks));
      }
      if (masuk !== null && keluar !== null) salah.push(pesan.imporMasukDanKeluar());
      else if (masuk !== null) [jumlah, arah] = [masuk, 'masuk'];
      else if (keluar !== null) [jumlah, arah] = [keluar, 'keluar'];
      else if (teks('jumlah') !== '') {
        const raw = teks('jumlah');
        const negatif = /^-/.test(raw);
        jumlah =
          nilai<Rupiah>('jumlah', { ...FIELD.get('jumlah')!, required: true }) ??
          (negatif ? nilaiNegatif(raw, salah) : null);
        if (negatif && jumlah !== null) arah ??= 'keluar';
      } else if (teks('masuk') === '' && teks('keluar') === '') salah.push(pesan.imporJumlahKosong());

      // the code: a sumber for receipts, a jenis for payments; one column may hold either
      const kodeTeks = teks('kode') || teks(arah === 'keluar' ? 'jenis' : 'sumber') || teks('sumber') || teks('jenis');
      let sumber: string | null = null;
      let jenis: string | null = null;
      if (!kodeTeks) salah.push(pesan.imporKodeKosong());
      else {
        const s = cocok(sumberOpsi, sumberCache, kodeTeks);
        const j = cocok(jenisOpsi, jenisCache, kodeTeks);
        if (arah === undefined && s && j) salah.push(pesan.imporKodeDuaArti(kodeTeks));
        arah ??= s ? 'masuk' : j ? 'keluar' : undefined;
        if (arah === 'masuk') {
          if (s) sumber = s.kode;
          else
            salah.push(
              pesan.pilihanTidakDikenal(
                'sumber',
                kodeTeks,
                sumberOpsi.map((x) => x.kode),
              ),
            );
        } else if (arah === 'keluar') {
          if (j) jenis = j.kode;
          else
            salah.push(
              pesan.pilihanTidakDikenal(
                'jenis pengeluaran',
                kodeTeks,
                jenisOpsi.map((x) => x.kode),
              ),
            );
        } else
          salah.push(
            pesan.pilihanTidakDikenal(
              'sumber/jenis',
              kodeTeks,
              [...sumberOpsi, ...jenisOpsi].map((x) => x.kode),
            ),
          );
      }
      const danaBawaan =
        arah === 'masuk'
          ? (o.ref.sumber.find((x) => x.kode === sumber)?.dana ?? 'umum')
          : (o.ref.dana.find((d) => d.hanya_jenis === jenis)?.kode ?? 'umum');
      const dana = teks('dana') ? nilai<string>('dana') : danaBawaan;
      const akun = teks('akun') ? nilai<string>('akun') : 'tunai';
      const layanan = nilai<string>('layanan');
      const asnaf = nilai<string>('asnaf');
      let donatur_id: number | null = null;
      if (teks('donatur')) {
        try {
          donatur_id = cariDonatur(teks('donatur'));
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          salah.push(err.message);
        }
      }
      // only rows that are not simply added are reported, so the summary text is made only for them
      const ringkas = () =>
        [tanggal ? formatTanggal(tanggal) : teks('tanggal'), uraian ?? '', jumlah !== null ? formatRupiah(jumlah) : '']
          .filter(Boolean)
          .join(' · ');
      if (salah.length || !tanggal || jumlah === null || !arah || !akun || !dana)
        return { baris, keputusan: 'ditolak', ringkas: ringkas(), alasan: salah.join(' ') };

      const e: EntriBaru & { arah: 'masuk' | 'keluar' } = {
        arah,
        tanggal,
        jumlah,
        sumber,
        jenis,
        layanan,
        asnaf,
        dana,
        akun,
        donatur_id,
        uraian,
        impor_id: o.imporId,
      };
      const sudah = sudahAda(e);
      if (sudah) {
        const ke = (kemunculan.get(sudah.kunci) ?? 0) + 1;
        kemunculan.set(sudah.kunci, ke);
        if (ke <= sudah.nomor.length)
          return {
            baris,
            keputusan: 'sudah_ada',
            ringkas: ringkas(),
            alasan: pesan.imporSudahAda(sudah.nomor[ke - 1]!),
          };
      }
      try {
        const row = poster.posting(e);
        tujuan?.tulis(row);
        return { baris, keputusan: 'baru', ringkas: '', id: row.nomor };
      } catch (err) {
        if (err instanceof UserError || err instanceof LedgerError)
          return { baris, keputusan: 'ditolak', ringkas: ringkas(), alasan: err.message };
        throw err;
      }
    },
  };
}

/**
 * The entries that stand in the book with a row's content (kunciKas), and that content's key: the k-th identical row
 * of the file matches the k-th of them. The date is part of the content, so the book is read a day at a time, the
 * first time a row of that day comes (before any of the import's own rows of that day is written): a small import
 * into a large book reads only its own days. An empty book is never read, and no key is made for it.
 */
function pencocokKas(
  sqlite: Ledger['sqlite'],
  kosong: boolean,
): (e: Parameters<typeof kunciKas>[0]) => { kunci: string; nomor: string[] } | undefined {
  if (kosong) return () => undefined;
  const berlakuPada = kasBerlakuPada(sqlite);
  const ada = new Map<string, string[]>();
  const dibaca = new Set<string>();
  return (e) => {
    if (!dibaca.has(e.tanggal)) {
      dibaca.add(e.tanggal);
      for (const r of berlakuPada(e.tanggal)) {
        const k = kunciKas(r);
        const l = ada.get(k);
        if (l) l.push(r.nomor);
        else ada.set(k, [r.nomor]);
      }
    }
    const kunci = kunciKas(e);
    const nomor = ada.get(kunci);
    return nomor && { kunci, nomor };
  };
}

/** `-45.000` in a single Jumlah column: a payment of 45.000. */
function nilaiNegatif(raw: string, salah: string[]): Rupiah | null {
  try {
    const n = parseField(FIELD.get('jumlah')!, raw.replace(/^-\s*/, ''));
    salah.pop();
    return n as Rupiah;
  } catch {
    return null;
  }
}
