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
  /** an opening balance (SA) moves the balance without being a receipt: its amount here, else 0 */
  saldo_awal: Rupiah;
  saldo: Rupiah;
  batal_dari: string | null;
  dibatalkan_oleh: string | null;
}

export interface BukuKas {
  /** the balance carried in from before the first row */
  saldoAwal: Rupiah;
  /** opening balances (SA vouchers, less their voids) among the rows: neither penerimaan nor pengeluaran */
  saldoAwalDicatat: Rupiah;
  baris: BarisBukuKas[];
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
  saldoAkhir: Rupiah;
}

export interface Gerak {
  penerimaan: Rupiah;
  pengeluaran: Rupiah;
  /** an opening balance: neither income nor expense */
  saldoAwal?: Rupiah;
}

/**
 * What one entry does to the balance in scope: a transfer counts only when one account is in view; an
 * opening balance (SA, or its void) adds to the balance as saldo awal, never as penerimaan.
 */
export function gerak(e: EntriKas, lingkup: Lingkup): Gerak {
  if (e.bukti === 'SA') return { penerimaan: NOL, pengeluaran: NOL, saldoAwal: e.jumlah };
  if (e.arah === 'masuk') return { penerimaan: e.jumlah, pengeluaran: NOL };
  if (e.arah === 'keluar') return { penerimaan: NOL, pengeluaran: e.jumlah };
  if (lingkup.akun === e.akun_tujuan) return { penerimaan: e.jumlah, pengeluaran: NOL };
  if (lingkup.akun === e.akun) return { penerimaan: NOL, pengeluaran: e.jumlah };
  return { penerimaan: NOL, pengeluaran: NOL };
}

/** The balance after one movement. */
export function saldoSetelah(saldo: Rupiah, g: Gerak): Rupiah {
  return kurangkan(jumlahkan(jumlahkan(saldo, g.saldoAwal ?? NOL), g.penerimaan), g.pengeluaran);
}

export function bukuKas(awal: Rupiah, entri: EntriKas[], lingkup: Lingkup): BukuKas {
  const langkah = langkahBuku(awal, lingkup);
  const baris = entri.map((e, i) => langkah(e, i));
  const { saldo, penerimaan, pengeluaran, dicatat } = langkah.jumlah;
  return { saldoAwal: awal, saldoAwalDicatat: dicatat, baris, penerimaan, pengeluaran, saldoAkhir: saldo };
}

/** The same rows one by one from a stream of entries (a long quarter's workbook), never all held. */
export function* alirBukuKas(awal: Rupiah, entri: Iterable<EntriKas>, lingkup: Lingkup) {
  const langkah = langkahBuku(awal, lingkup);
  let i = 0;
  for (const e of entri) yield langkah(e, i++);
}

/** One entry after another: its row with the running balance, and the totals so far in `jumlah`. */
function langkahBuku(awal: Rupiah, lingkup: Lingkup) {
  const jumlah = { saldo: awal, penerimaan: NOL, pengeluaran: NOL, dicatat: NOL };
  const langkah = (e: EntriKas, i: number): BarisBukuKas => {
    const g = gerak(e, lingkup);
    jumlah.saldo = saldoSetelah(jumlah.saldo, g);
    jumlah.penerimaan = jumlahkan(jumlah.penerimaan, g.penerimaan);
    jumlah.pengeluaran = jumlahkan(jumlah.pengeluaran, g.pengeluaran);
    jumlah.dicatat = jumlahkan(jumlah.dicatat, g.saldoAwal ?? NOL);
    return barisBuku(e, i, g, jumlah.saldo);
  };
  return Object.assign(langkah, { jumlah });
}

function barisBuku(e: EntriKas, i: number, g: Gerak, saldo: Rupiah): BarisBukuKas {
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
    saldo_awal: g.saldoAwal ?? NOL,
    saldo,
    batal_dari: e.nomor_batal,
    dibatalkan_oleh: e.dibatalkan_oleh,
  };
}
