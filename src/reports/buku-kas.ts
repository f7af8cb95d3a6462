// The cash book as shown and exported: entries in date order with a running balance.
import type { EntriKas } from '../domain/kas.js';
import { jumlahkan, kurangkan, NOL, type Rupiah } from '../domain/money.js';

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
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
  saldo: Rupiah;
  batal_dari: string | null;
  dibatalkan_oleh: string | null;
}

export interface BukuKas {
  saldoAwal: Rupiah;
  baris: BarisBukuKas[];
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
  saldoAkhir: Rupiah;
}

export interface Gerak {
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
}

/** What one entry does to the balance in scope: a transfer counts only when one account is in view. */
export function gerak(e: EntriKas, lingkup: Lingkup): Gerak {
  if (e.arah === 'masuk') return { penerimaan: e.jumlah, pengeluaran: NOL };
  if (e.arah === 'keluar') return { penerimaan: NOL, pengeluaran: e.jumlah };
  if (lingkup.akun === e.akun_tujuan) return { penerimaan: e.jumlah, pengeluaran: NOL };
  if (lingkup.akun === e.akun) return { penerimaan: NOL, pengeluaran: e.jumlah };
  return { penerimaan: NOL, pengeluaran: NOL };
}

/** The balance after one movement. */
export function saldoSetelah(saldo: Rupiah, g: Gerak): Rupiah {
  return kurangkan(jumlahkan(saldo, g.penerimaan), g.pengeluaran);
}

export function bukuKas(awal: Rupiah, entri: EntriKas[], lingkup: Lingkup): BukuKas {
  let saldo = awal;
  let penerimaan = NOL;
  let pengeluaran = NOL;
  const baris = entri.map((e, i): BarisBukuKas => {
    const g = gerak(e, lingkup);
    saldo = saldoSetelah(saldo, g);
    penerimaan = jumlahkan(penerimaan, g.penerimaan);
    pengeluaran = jumlahkan(pengeluaran, g.pengeluaran);
    const uraian =
      e.arah === 'pindah' && !e.batal_dari ? (e.uraian ?? `Pindah ${e.akun} → ${e.akun_tujuan}`) : (e.uraian ?? '');
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
  return { saldoAwal: awal, baris, penerimaan, pengeluaran, saldoAkhir: saldo };
}
