// `impor`: the real binary importing 100,000 donors and 1,000,000 cash entries into fresh units. Targets of
// #12: donors ≤ 1.5 s; cash ≤ 10 s and ≤ 300 MiB peak memory. Each figure gives wall time, CPU time (the
// steadier figure on a loaded machine) and peak memory, with the machine's load printed before it. The donor
// import runs three times, each into a fresh unit, and its median run counts.
// WKSBM_BANDING=/path/to/other/built/tree times that tree's binary on the same files in the same run, each
// in units it made itself, for a before/after side by side (the trees take turns). `--kecil` (10 k donors, 100 k
// cash rows) only shows that the bench runs: its figures are printed without LULUS/GAGAL. WKSBM_IMPOR=donatur or
// =kas runs that half only.
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
 * `file` imported by each tree, `kali` times, the trees taking turns, each run into a fresh unit of its own. Returns
 * this tree's median run by wall time (with its unit, `db`); the comparison's median is printed beside it.
 */
function ukur(dir, label, nama, args, file, cek, kali = 1) {
  const pohonIni = pohon();
  const runs = pohonIni.map(() => []);
  for (let k = 0; k < kali; k++)
    for (const [i, { bin }] of pohonIni.entries()) {
      const db = unit(dir, `${nama}${i}-${k}`, bin);
      console.log(`  (beban mesin: ${beban()})`);
      const r = wksbm(db, [...args, file, '--json'], bin);
      r.json = JSON.parse(r.out);
      cek(r.json);
      runs[i].push({ ...r, db });
    }
  const tengah = (xs) => [...xs].sort((a, b) => a.detik - b.detik)[Math.floor(xs.length / 2)];
  const semua = (xs) => (xs.length > 1 ? ` (median dari ${xs.map((r) => r.detik.toFixed(2)).join(', ')} s)` : '');
  for (const [i, { banding }] of pohonIni.entries())
    if (banding) console.log(`  pembanding ${banding}: ${label} ${angka(tengah(runs[i]))}${semua(runs[i])}`);
  const kita = tengah(runs[0]);
  return { ...kita, rincian: semua(runs[0]) };
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
  // three runs, the median taken: one import of two seconds on a shared machine is one sample of its noise
  const a = ukur(
    dir,
    lDon,
    'donatur',
    ['impor', 'donatur'],
    fDon,
    (j) => {
      if (j.ditambah !== nDon) throw new Error(`donatur: ditambah ${j.ditambah}, bukan ${nDon}`);
    },
    3,
  );
  nilai(
    `impor ${lDon} (dinding)`,
    a.detik,
    1.5,
    's',
    `${cpuMib(a)}; ${mbDon} MB, ditambah ${a.json.ditambah}${a.rincian}`,
  );
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
