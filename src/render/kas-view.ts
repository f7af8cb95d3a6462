// How cash entries look to scripts (JSON) and to people (tables).
import type { Kolom } from './teks.js';
import type { Kas } from '../db/kas-repo.js';
import { formatTanggal } from '../domain/dates.js';
import { formatRupiah } from '../domain/money.js';
import type { BarisBukuKas } from '../reports/buku-kas.js';

/** The created or voided entry as `--json` prints it: stable keys, integer amounts, ISO dates. */
export function kasJson(k: Kas): Record<string, unknown> {
  return {
    id: k.id,
    nomor: k.nomor,
    tanggal: k.tanggal,
    arah: k.arah,
    jumlah: k.jumlah,
    sumber: k.sumber,
    jenis: k.jenis,
    layanan: k.layanan,
    asnaf: k.asnaf,
    dana: k.dana,
    akun: k.akun,
    akun_tujuan: k.akun_tujuan,
    donatur_id: k.donatur_id,
    kegiatan_id: k.kegiatan_id,
    uraian: k.uraian,
    batal_dari: k.batal_dari,
    alasan_batal: k.alasan_batal,
  };
}

const uang = (n: number) => (n === 0 ? '' : formatRupiah(n));

export const KOLOM_BUKU_KAS: Kolom<BarisBukuKas>[] = [
  { header: 'No', key: 'no', value: (r) => r.no, align: 'right' },
  { header: 'Tanggal', key: 'tanggal', value: (r) => formatTanggal(r.tanggal) },
  { header: 'No. Bukti', key: 'nomor', value: (r) => r.nomor },
  { header: 'Uraian', key: 'uraian', value: (r) => r.uraian + (r.dibatalkan_oleh ? ` (dibatalkan ${r.dibatalkan_oleh})` : '') },
  { header: 'Sumber/Jenis', key: 'sumber_jenis', value: (r) => r.sumber ?? r.jenis ?? (r.akun_tujuan ? 'pindah' : '') },
  { header: 'Dana', key: 'dana', value: (r) => r.dana ?? '' },
  { header: 'Akun', key: 'akun', value: (r) => (r.akun_tujuan ? `${r.akun}→${r.akun_tujuan}` : r.akun) },
  { header: 'Penerimaan', key: 'penerimaan', value: (r) => uang(r.penerimaan), align: 'right' },
  { header: 'Pengeluaran', key: 'pengeluaran', value: (r) => uang(r.pengeluaran), align: 'right' },
  { header: 'Saldo', key: 'saldo', value: (r) => formatRupiah(r.saldo), align: 'right' },
];

export const CSV_BUKU_KAS: (keyof BarisBukuKas)[] = ['no', 'tanggal', 'nomor', 'uraian', 'sumber', 'jenis', 'layanan', 'dana', 'akun', 'akun_tujuan', 'penerimaan', 'pengeluaran', 'saldo', 'batal_dari', 'dibatalkan_oleh'];
