// The cash book as shown and exported: entries in date order with a running balance.
import type { Kas } from '../db/kas-repo.js';

export interface Lingkup {
  dana?: string;
  akun?: string;
}

export interface BarisBukuKas {
  no: number;
  id: number;
  tanggal: string;
  nomor: string;
  uraian: string;
  sumber: string | null;
  jenis: string | null;
  layanan: string | null;
  dana: string | null;
  akun: string;
  akun_tujuan: string | null;
  penerimaan: number;
  pengeluaran: number;
  saldo: number;
  batal_dari: string | null;
  dibatalkan_oleh: string | null;
}

type Entri = Kas & { nomor_batal: string | null; dibatalkan_oleh: string | null };

/** What one entry does to the balance in scope: a transfer counts only when one account is in view. */
export function gerak(e: Kas, lingkup: Lingkup): { penerimaan: number; pengeluaran: number } {
  if (e.arah === 'masuk') return { penerimaan: e.jumlah, pengeluaran: 0 };
  if (e.arah === 'keluar') return { penerimaan: 0, pengeluaran: e.jumlah };
  if (lingkup.akun === e.akun_tujuan) return { penerimaan: e.jumlah, pengeluaran: 0 };
  if (lingkup.akun === e.akun) return { penerimaan: 0, pengeluaran: e.jumlah };
  return { penerimaan: 0, pengeluaran: 0 };
}

export function bukuKas(saldoAwal: number, entri: Entri[], lingkup: Lingkup): { saldoAwal: number; baris: BarisBukuKas[]; penerimaan: number; pengeluaran: number; saldoAkhir: number } {
  let saldo = saldoAwal;
  let penerimaan = 0;
  let pengeluaran = 0;
  const baris = entri.map((e, i) => {
    const g = gerak(e, lingkup);
    saldo += g.penerimaan - g.pengeluaran;
    penerimaan += g.penerimaan;
    pengeluaran += g.pengeluaran;
    const uraian = e.arah === 'pindah' && !e.batal_dari ? (e.uraian ?? `Pindah ${e.akun} → ${e.akun_tujuan}`) : (e.uraian ?? '');
    return {
      no: i + 1,
      id: e.id,
      tanggal: e.tanggal,
      nomor: e.nomor,
      uraian,
      sumber: e.sumber,
      jenis: e.jenis,
      layanan: e.layanan,
      dana: e.dana,
      akun: e.akun,
      akun_tujuan: e.akun_tujuan,
      penerimaan: g.penerimaan,
      pengeluaran: g.pengeluaran,
      saldo,
      batal_dari: e.nomor_batal,
      dibatalkan_oleh: e.dibatalkan_oleh,
    };
  });
  return { saldoAwal, baris, penerimaan, pengeluaran, saldoAkhir: saldo };
}
