// A receipt (kwitansi) for money received, or a bukti pengeluaran for money paid, as a model:
// everything printed on it, already in words. The .xlsx and `kwitansi --json` are written from this.
import { BATAS_METERAI } from '../books/kas.js';
import { formatTanggal } from '../domain/dates.js';
import type { BuktiKwitansi } from '../domain/kwitansi.js';
import type { ProfilUnit } from '../domain/laporan.js';
import { formatRupiah, type Rupiah } from '../domain/money.js';
import { terbilangKalimat } from '../domain/terbilang.js';

export interface Penandatangan {
  /** the line above the signature: "Bendahara," or "Yang menerima," */
  jabatan: string;
  /** null: a dotted line to write the name on */
  nama: string | null;
  /** the unit's stamp goes over this signature */
  cap: boolean;
  /** above Rp 5.000.000 this signature goes over a stamp duty (meterai) */
  meterai: boolean;
}

export interface Kwitansi {
  jenis: 'kwitansi' | 'bukti_pengeluaran';
  judul: string;
  nomor: string;
  tanggal: string;
  unit: { nama: string; alamat: string };
  /** "Sudah terima dari" or "Dibayarkan kepada", and the name (null: to be written by hand) */
  pihak: { label: string; nama: string | null };
  jumlah: Rupiah;
  angka: string;
  terbilang: string;
  untuk: { label: string; isi: string };
  tempat_tanggal: string;
  /** left to right */
  tanda_tangan: Penandatangan[];
  meterai: boolean;
}

/** The unit's address line: secretariat address, then the region from padukuhan to kabupaten. */
export function alamatUnit(p: ProfilUnit): string {
  const wilayah = [
    [p.sebutan_padukuhan, p.padukuhan],
    [p.sebutan_kalurahan, p.kalurahan],
    [p.sebutan_kapanewon, p.kapanewon],
    [p.sebutan_kabupaten, p.kabupaten],
  ]
    .filter(([, nama]) => nama)
    .map(([sebutan, nama]) => `${sebutan} ${nama}`);
  return [p.alamat?.replace(/\s*\n\s*/g, ', '), ...wilayah].filter(Boolean).join(', ');
}

function untuk(b: BuktiKwitansi): string {
  if (b.uraian) return b.uraian;
  if (b.bukti === 'BKM') return `Penerimaan ${b.sumber ?? ''}`.trim();
  return [b.jenis, b.layanan].filter(Boolean).join(': ');
}

export function kwitansi(b: BuktiKwitansi, p: ProfilUnit): Kwitansi {
  const masuk = b.bukti === 'BKM';
  const meterai = b.jumlah > BATAS_METERAI;
  const bendahara: Penandatangan = { jabatan: 'Bendahara,', nama: p.bendahara, cap: true, meterai: masuk && meterai };
  const penerima: Penandatangan = { jabatan: 'Yang menerima,', nama: b.penerima, cap: false, meterai };
  return {
    jenis: masuk ? 'kwitansi' : 'bukti_pengeluaran',
    judul: masuk ? 'KWITANSI' : 'BUKTI PENGELUARAN KAS',
    nomor: b.nomor,
    tanggal: b.tanggal,
    unit: { nama: `WKSBM ${p.nama}`, alamat: alamatUnit(p) },
    pihak: masuk
      ? { label: 'Sudah terima dari', nama: b.donatur ?? b.sumber }
      : { label: 'Dibayarkan kepada', nama: b.penerima },
    jumlah: b.jumlah,
    angka: formatRupiah(b.jumlah),
    terbilang: terbilangKalimat(b.jumlah),
    untuk: { label: masuk ? 'Untuk' : 'Untuk keperluan', isi: untuk(b) },
    tempat_tanggal: `${p.kabupaten ?? ''}, ${formatTanggal(b.tanggal, true)}`.replace(/^, /, ''),
    tanda_tangan: masuk ? [bendahara] : [penerima, bendahara],
    meterai,
  };
}

/** The receipts of a file, in book order. */
export function daftarKwitansi(bukti: BuktiKwitansi[], p: ProfilUnit): Kwitansi[] {
  return bukti.map((b) => kwitansi(b, p));
}
