// The cash book as reports read it: entries with their amount in Rupiah, balances per fund or account.
import type { Rupiah } from './money.js';

export type ArahKas = 'masuk' | 'keluar' | 'pindah';

/** One posted entry in book order, with the voucher it voids and the one that voided it. */
export interface EntriKas {
  id: number;
  nomor: string;
  /** the voucher kind: BKM, BKK, PB, or SA for the opening balance (neither income nor expense) */
  bukti: 'BKM' | 'BKK' | 'PB' | 'SA';
  /** ISO date, YYYY-MM-DD */
  tanggal: string;
  arah: ArahKas;
  /** negative on a reversal (`batal_dari` set) */
  jumlah: Rupiah;
  sumber: string | null;
  jenis: string | null;
  layanan: string | null;
  asnaf: string | null;
  /** null on a transfer between accounts: a transfer moves no fund */
  dana: string | null;
  akun: string;
  akun_tujuan: string | null;
  donatur_id: number | null;
  kegiatan_id: number | null;
  uraian: string | null;
  batal_dari: number | null;
  /** the voucher number this entry voids */
  nomor_batal: string | null;
  /** the voucher number that voided this entry */
  dibatalkan_oleh: string | null;
}

/** Balance by fund or account code, in the order the funds or accounts were made. */
export type SaldoPerKode = Map<string, Rupiah>;
