// `impor`: the real binary importing 100,000 donors and 1,000,000 cash entries into fresh units. Targets of
// #12: donors ≤ 1.5 s; cash ≤ 10 s and ≤ 300 MiB peak memory. Each figure gives wall time, CPU time (the
// steadier figure on a loaded machine) and peak memory, with the machine's load printed before it.
// WKSBM_BANDING=/path/to/other/built/tree times that tree's binary on the same files in the same run, each
// in units it made itself, for a before/after side by side. `--kecil` (10 k donors, 100 k cash rows) only
// shows that the bench runs: its figures are printed without LULUS/GAGAL. WKSBM_IMPOR=donatur or =kas runs that half
// only.
import fs from 'node:fs';
import path from 'node:path';
import { angka, BIN, beban, cpuMib, rupiahId, target, tulisKasCsv, unit, wksbm } from './alat.js';

function donorCsv(file, n) {
  const baris = ['No;Nama Donatur;Alamat;No. HP;Jenis;Janji'];
  for (let i = 1; i <= n; i++)
    baris.push(
      `${i};Bpk. Donatur ${i};Jetis, RT ` +
        `${String(i % 20).padStart(2, '0')};0812${String(10_000_000 + i).padStart(8, '0')};` +
        `${i % 3 ? 'Perorangan' : 'Lembaga'};${(i % 50) * 1000 + 5000}`,
    );
  fs.writeFileSync(file, '\ufeff' + baris.join('\r\n') + '\r\n');
}

/** Ten years of cash rows ending before the fixed today (an entry is never dated after today), dd/mm/yyyy. */
function kasCsv(file, n) {
  tulisKasCsv(file, n, (i) => {
    const hari = (i % 28) + 1;
    const bulan = (Math.floor(i / 28) % 12) + 1;
    const tahun = 2016 + Math.floor(i / (28 * 12 * 300));
    return `${String(hari).padStart(2, '0')}/${String(bulan).padStart(2, '0')}/${tahun}`;
  });
}

/** This tree's binary, then WKSBM_BANDING's (checked to be a built tree before anything is timed). */
function pohon() {
  const banding = process.env.WKSBM_BANDING;
  if (!banding) return [{ bin: BIN }];
  const bin = path.join(path.resolve(banding), 'bin', 'wksbm.js');
  if (!fs.existsSync(bin)) throw new Error(`WKSBM_BANDING: ${bin} tidak ada (pohon lain yang sudah di-build?)`);
  return [{ bin: BIN }, { bin, banding: path.resolve(banding) }];
}

/**
 * `file` imported by each tree, one after the other, into a fresh unit of its own. Returns this tree's run
 * (with its unit, `db`); the comparison's figures are printed beside it.
 */
function ukur(dir, label, nama, args, file, cek) {
  let kita;
  for (const [i, { bin, banding }] of pohon().entries()) {
    const db = unit(dir, `${nama}${i}`, bin);
    console.log(`  (beban mesin: ${beban()})`);
    const r = wksbm(db, [...args, file, '--json'], bin);
    r.json = JSON.parse(r.out);
    cek(r.json);
    if (banding) console.log(`  pembanding ${banding}: ${label} ${angka(r)}`);
    else kita = { ...r, db };
  }
  return kita;
}

export default function impor({ dir, kecil }) {
  const [nDon, nKas] = kecil ? [10_000, 100_000] : [100_000, 1_000_000];
  // the targets are for the full sizes: a smaller run prints its figures only
  const nilai = (nama, x, batas, satuan, rincian) =>
    kecil
      ? console.log(`  ${nama}: ${satuan === 'MiB' ? x.toFixed(0) : x.toFixed(3)} ${satuan}; ${rincian}`)
      : target(nama, x, batas, satuan, rincian);

  // WKSBM_IMPOR=kas: only the cash half
  if (process.env.WKSBM_IMPOR === 'kas') return imporKas(dir, nKas, nilai);
  const fDon = path.join(dir, 'donatur.csv');
  donorCsv(fDon, nDon);
  const mbDon = (fs.statSync(fDon).size / 1e6).toFixed(1);
  const lDon = `donatur ${rupiahId(nDon)} baris`;
  const a = ukur(dir, lDon, 'donatur', ['impor', 'donatur'], fDon, (j) => {
    if (j.ditambah !== nDon) throw new Error(`donatur: ditambah ${j.ditambah}, bukan ${nDon}`);
  });
  nilai(`impor ${lDon} (dinding)`, a.detik, 1.5, 's', `${cpuMib(a)}; ${mbDon} MB, ditambah ${a.json.ditambah}`);
  console.log(`  (beban mesin: ${beban()})`);
  const a2 = wksbm(a.db, ['impor', 'donatur', fDon, '--json']);
  console.log(`  impor ulang: ${angka(a2)}, sudah ada ${JSON.parse(a2.out).sudah_ada}`);
  // WKSBM_IMPOR=donatur: only the donor half
  if (process.env.WKSBM_IMPOR !== 'donatur') imporKas(dir, nKas, nilai);
}

/** The cash half: `nKas` rows into a fresh unit, its wall time, CPU and peak memory against the targets. */
function imporKas(dir, nKas, nilai) {
  const fKas = path.join(dir, 'kas.csv');
  kasCsv(fKas, nKas);
  const mbKas = (fs.statSync(fKas).size / 1e6).toFixed(1);
  const lKas = `kas ${rupiahId(nKas)} baris`;
  const b = ukur(dir, lKas, 'kas', ['kas', 'impor'], fKas, (j) => {
    if (j.ditambah !== nKas) throw new Error(`kas: ditambah ${j.ditambah}, ditolak ${j.ditolak}, bukan ${nKas}`);
  });
  nilai(`impor ${lKas} (dinding)`, b.detik, 10, 's', `${cpuMib(b)}; ${mbKas} MB, ditambah ${b.json.ditambah}`);
  if (b.mib !== null) nilai(`impor ${lKas}, memori puncak`, b.mib, 300, 'MiB', `CPU ${b.cpu.toFixed(2)} s`);
  else console.log('  (memori tidak diukur: /usr/bin/time tidak ada)');
  console.log(`  (beban mesin sesudah: ${beban()})`);
}
