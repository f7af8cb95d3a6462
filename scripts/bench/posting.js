// Single postings (kas pindah dated today, kas keluar backdated a few days) and a 10-row `kas impor` on a
// 1,000,000-entry ledger against a 1,000-entry one: a posting must cost what it touches, not the ledger's age
// (target: at most 1.5× the small ledger's time). Both ledgers come in through `kas impor`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beban, HARI_INI, median, target, tulisKasCsv, unit, wksbm } from './alat.js';

/** n cash rows (3 receipts to 1 payment, never below zero) spread evenly over the `hari` days up to `akhir`. */
function kasCsvSampai(file, n, akhir, hari) {
  const akhirMs = Date.parse(`${akhir}T00:00:00Z`);
  const tanggal = (i) =>
    new Date(akhirMs - Math.floor(((n - 1 - i) * hari) / n) * 86_400_000).toISOString().slice(0, 10);
  tulisKasCsv(file, n, tanggal);
}

export default function posting({ dir }) {
  const hariIni = HARI_INI;
  const mundur = new Date(Date.parse(`${hariIni}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
  {
    console.log(`mesin: ${os.cpus().length} inti, Node ${process.version}; hari ini ${hariIni}`);
    // each ledger's entries run up to yesterday: ten years of days for the big one, a thousand days for the small one
    const kemarin = new Date(Date.parse(`${hariIni}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const buku = [];
    for (const [nama, n, hari] of [
      ['kecil', 1_000, 1_000],
      ['besar', 1_000_000, 3_650],
    ]) {
      const db = unit(dir, nama);
      const csv = path.join(dir, `${nama}.csv`);
      kasCsvSampai(csv, n, kemarin, hari);
      const r = wksbm(db, ['kas', 'impor', csv, '--json']);
      if (JSON.parse(r.out).ditambah !== n)
        throw new Error(`${nama}: ditambah ${JSON.parse(r.out).ditambah}, bukan ${n}`);
      console.log(
        `buku ${nama}: ${n.toLocaleString('id-ID')} entri selama ${hari} hari, diimpor dalam ${r.detik.toFixed(2)} s`,
      );
      buku.push({ nama, n, db });
    }
    // ten receipts of a day the books already hold: the import matches them against that day's entries only
    const kecilCsv = path.join(dir, 'sepuluh.csv');
    const [y, m, d] = mundur.split('-');
    const sepuluh = Array.from({ length: 10 }, (_, i) => `${d}/${m}/${y},Impor kecil ${i},jimpitan,umum,"1000",`);
    fs.writeFileSync(kecilCsv, ['Tanggal,Uraian,Sumber/Jenis,Dana,Masuk,Keluar', ...sepuluh].join('\n'));
    const perintah = [
      ['kas pindah (hari ini)', ['kas', 'pindah', '--jumlah', '1000', '--dari', 'tunai', '--ke', 'bri']],
      [
        `kas keluar (mundur ke ${mundur})`,
        ['kas', 'keluar', '--jumlah', '5000', '--jenis', 'operasional', '--tanggal', mundur],
      ],
      [`kas impor (10 baris, ${mundur})`, ['kas', 'impor', kecilCsv]],
    ];
    const ULANG = 7;
    console.log(
      `beban mesin sebelum posting: ${beban()}; ${ULANG} kali per perintah per buku, bergantian, median dipakai`,
    );
    for (const [label, args] of perintah) {
      const waktu = { kecil: [], besar: [] };
      for (let i = 0; i < ULANG; i++) for (const b of buku) waktu[b.nama].push(wksbm(b.db, args).detik);
      const [kecil, besar] = [median(waktu.kecil), median(waktu.besar)];
      target(`${label}: 1 jt ÷ 1 rb entri`, besar / kecil, 1.5, '×', `${kecil.toFixed(3)} s → ${besar.toFixed(3)} s`);
      console.log(
        `  semua (s): kecil ${waktu.kecil.map((x) => x.toFixed(2)).join(' ')} | besar ` +
          `${waktu.besar.map((x) => x.toFixed(2)).join(' ')}`,
      );
    }
    console.log(`  (beban mesin sesudah: ${beban()})`);
  }
}
