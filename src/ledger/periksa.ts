// `wksbm periksa`: everything that must hold in a ledger file, each as a finding when it does not.
import { pesan } from '../cli/pesan.js';
import { allRows, foreignKeyCheck, integrityCheck, negativeDayEnds } from '../db/check-repo.js';
import { saldoAkun, saldoDana } from '../db/kas-repo.js';
import { negativeStokDayEnds, salesWithVoidedReceipt } from '../db/natura-repo.js';
import type { Tx } from '../db/transaction.js';
import { formatTanggal } from './dates.js';
import { type TabelRantai, verifyChain } from './hash.js';
import { formatRupiah } from './money.js';
import { formatKuantitas } from './natura.js';
import { formatNomor } from './posting.js';

export interface Temuan {
  jenis: 'integritas' | 'kunci_asing' | 'rantai_hash' | 'urutan_bukti' | 'saldo' | 'pembatalan' | 'stok';
  pesan: string;
  id?: number;
}

export async function periksa(db: Tx): Promise<Temuan[]> {
  const temuan: Temuan[] = [];
  for (const m of await integrityCheck(db)) temuan.push({ jenis: 'integritas', pesan: `SQLite melaporkan kerusakan: ${m}` });
  for (const f of await foreignKeyCheck(db)) temuan.push({ jenis: 'kunci_asing', pesan: `Baris ${f.rowid} di tabel ${f.table} menunjuk ke ${f.parent} yang tidak ada.` });

  const kas = await allRows(db, 'kas');
  for (const tabel of ['kas', 'natura'] as TabelRantai[]) {
    const rows = tabel === 'kas' ? kas : await allRows(db, tabel);
    const putus = verifyChain(tabel, rows);
    if (putus) {
      const row = rows.find((r) => Number(r.id) === putus.id)!;
      const nama = tabel === 'kas' ? `entri kas ${String(row.nomor)} (id ${putus.id})` : `entri natura id ${putus.id}`;
      temuan.push({
        jenis: 'rantai_hash',
        id: putus.id,
        pesan: putus.alasan === 'isi' ? `Isi ${nama} diubah di luar wksbm: hash-nya tidak cocok lagi.` : `Rantai hash putus di ${nama}: entri sebelumnya diubah, dihapus atau disisipkan.`,
      });
    }
  }

  temuan.push(...checkVouchers(kas));
  temuan.push(...checkVoids(kas));

  for (const n of await negativeDayEnds(db)) {
    const apa = n.jenis === 'dana' ? `Dana terikat ${n.kode}` : `Akun ${n.kode}`;
    temuan.push({ jenis: 'saldo', pesan: `${apa} bersaldo minus (${formatRupiah(Number(n.saldo))}) pada ${formatTanggal(n.tanggal)}.` });
  }
  for (const n of await negativeStokDayEnds(db)) {
    temuan.push({ jenis: 'stok', pesan: pesan.stokMinusPeriksa(n.barang, formatKuantitas(Number(n.sisa_mili), n.satuan), formatTanggal(n.tanggal)) });
  }
  for (const j of await salesWithVoidedReceipt(db)) temuan.push({ jenis: 'stok', id: j.id, pesan: pesan.jualTanpaBkm(j.id, j.nomor) });
  const totalDana = [...(await saldoDana(db)).values()].reduce((a, b) => a + b, 0);
  const totalAkun = [...(await saldoAkun(db)).values()].reduce((a, b) => a + b, 0);
  if (totalDana !== totalAkun) temuan.push({ jenis: 'saldo', pesan: `Jumlah saldo semua dana (${formatRupiah(totalDana)}) tidak sama dengan jumlah saldo semua akun (${formatRupiah(totalAkun)}).` });
  return temuan;
}

function checkVouchers(kas: Record<string, unknown>[]): Temuan[] {
  const temuan: Temuan[] = [];
  const seri = new Map<string, number[]>();
  for (const r of kas) {
    const kunci = `${String(r.bukti)}/${String(r.tahun)}`;
    seri.set(kunci, [...(seri.get(kunci) ?? []), Number(r.urut)]);
    const seharusnya = formatNomor(Number(r.urut), r.bukti as 'BKM', String(r.tanggal));
    if (seharusnya !== r.nomor || Number(String(r.tanggal).slice(0, 4)) !== Number(r.tahun)) {
      temuan.push({ jenis: 'urutan_bukti', id: Number(r.id), pesan: `Nomor bukti ${String(r.nomor)} tidak sesuai dengan urutan dan tanggalnya (seharusnya ${seharusnya}).` });
    }
  }
  for (const [kunci, urut] of seri) {
    const [bukti, tahun] = kunci.split('/');
    const ada = new Set(urut);
    const maks = Math.max(...urut);
    const hilang: number[] = [];
    for (let i = 1; i <= maks; i++) if (!ada.has(i)) hilang.push(i);
    if (hilang.length) temuan.push({ jenis: 'urutan_bukti', pesan: `Nomor ${bukti} tahun ${tahun} melompat: urutan ${hilang.slice(0, 10).join(', ')} tidak ada.` });
    if (ada.size !== urut.length) temuan.push({ jenis: 'urutan_bukti', pesan: `Nomor ${bukti} tahun ${tahun} dipakai dua kali.` });
  }
  return temuan;
}

function checkVoids(kas: Record<string, unknown>[]): Temuan[] {
  const byId = new Map(kas.map((r) => [Number(r.id), r]));
  const temuan: Temuan[] = [];
  for (const r of kas) {
    if (r.batal_dari === null) continue;
    const asli = byId.get(Number(r.batal_dari));
    const cermin = asli && asli.arah === r.arah && Number(asli.jumlah) === -Number(r.jumlah) && asli.dana === r.dana && asli.akun === r.akun && asli.akun_tujuan === r.akun_tujuan;
    if (!cermin) temuan.push({ jenis: 'pembatalan', id: Number(r.id), pesan: `Pembatalan ${String(r.nomor)} tidak mencerminkan entri yang dibatalkannya.` });
  }
  return temuan;
}
