// How cash entries look to scripts (JSON) and to people (tables).

import type { Kas } from '../db/kas-repo.js';
import { formatTanggal } from '../domain/dates.js';
import { formatRupiah } from '../domain/money.js';
import type { BarisBukuKas } from '../reports/buku-kas.js';
import type { Kolom } from './teks.js';

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

/** Rupiah without the `Rp` in a column whose header names the currency: `1.250.000`, `-45.000`. */
const angka = (n: number) => formatRupiah(n).replace('Rp ', '');
const uang = (n: number) => (n === 0 ? '' : angka(n));

/** Under the uraian: where the money came from or went, and the fund and account when not the usual. */
function keterangan(r: BarisBukuKas): string {
  const awal = r.saldo_awal === 0 ? '' : `saldo awal ${angka(r.saldo_awal)}`;
  const asal = r.sumber ?? r.jenis ?? (r.akun_tujuan ? 'pindah' : awal);
  const dana = r.dana && r.dana !== 'umum' ? `dana ${r.dana}` : '';
  const akun = r.akun_tujuan ? `${r.akun}→${r.akun_tujuan}` : r.akun !== 'tunai' ? r.akun : '';
  return [asal, dana, akun].filter(Boolean).join(' · ');
}

/**
 * The cash book for people, about 100 characters wide with a usual uraian (the full row, with the
 * running number, fund and account in their own columns, is in --json and --csv).
 */
export const KOLOM_BUKU_KAS: Kolom<BarisBukuKas>[] = [
  { header: 'Tanggal', key: 'tanggal', value: (r) => formatTanggal(r.tanggal) },
  { header: 'No. Bukti', key: 'nomor', value: (r) => r.nomor },
  {
    header: 'Uraian',
    key: 'uraian',
    lentur: true,
    value: (r) =>
      [r.uraian + (r.dibatalkan_oleh ? ` (dibatalkan ${r.dibatalkan_oleh})` : ''), keterangan(r)]
        .filter(Boolean)
        .join('\n'),
  },
  { header: 'Masuk (Rp)', key: 'penerimaan', value: (r) => uang(r.penerimaan), align: 'right' },
  { header: 'Keluar (Rp)', key: 'pengeluaran', value: (r) => uang(r.pengeluaran), align: 'right' },
  { header: 'Saldo (Rp)', key: 'saldo', value: (r) => angka(r.saldo), align: 'right' },
];

export const CSV_BUKU_KAS: (keyof BarisBukuKas)[] = [
  'no',
  'tanggal',
  'nomor',
  'uraian',
  'sumber',
  'jenis',
  'layanan',
  'dana',
  'akun',
  'akun_tujuan',
  'penerimaan',
  'pengeluaran',
  'saldo',
  'batal_dari',
  'dibatalkan_oleh',
];
