// Growth: the same commands on a unit with 2 years of entries and on one with 20 years (10×), the
// same number of entries a year, so the quarter and the year each command reports are the same size.
// A command that costs what it reports stays within 1.2× (`periksa` re-reads everything by design and
// is timed in `sejuta` instead). Default 5,000 entries a year (10 k → 100 k); `--penuh` 50,000 (100 k → 1 M).
// A command that writes much (an import of the same 1,000 rows) runs on a fresh copy of the unit each time.
import fs from 'node:fs';
import { HARI_INI, median, target, tulisKasCsv, wksbm } from './alat.js';
import { bukuBench } from './buku.js';

/** rows of the file `kas impor` takes in the growth line: the same file into either unit, dated today */
const BARIS_IMPOR = 1_000;

export const PERINTAH = [
  ['kas saldo', ['kas', 'saldo']],
  ['laporan triwulan --json (2026 III)', ['--json', 'laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3']],
  ['cetak kas (tahun 2025)', ['cetak', 'kas', '--dari', '2025-01-01', '--sampai', '2025-12-31', '-o', 'KELUAR']],
  ['kas daftar (2026 III)', ['kas', 'daftar', '--triwulan', '2026-3']],
  ['kas keluar (hari ini)', ['kas', 'keluar', '--jumlah', '1000', '--jenis', 'operasional', '--uraian', 'bench']],
  ['laporan triwulan -o (2026 III)', ['laporan', 'triwulan', '--tahun', '2026', '--triwulan', '3', '-o', 'KELUAR']],
  [
    `kas impor (${BARIS_IMPOR.toLocaleString('id-ID')} baris hari ini)`,
    ['kas', 'impor', 'CSV', '--json'],
    { salin: true },
  ],
];

/** the unit a run uses: a command that writes much gets a fresh copy (outside the time measured) */
function unitUntuk(db, salin) {
  if (!salin) return db;
  const salinan = db.replace(/\.sqlite$/, '-salinan.sqlite');
  for (const f of ['', '-wal', '-shm']) fs.rmSync(salinan + f, { force: true });
  fs.copyFileSync(db, salinan);
  return salinan;
}

export default function tumbuh({ dir, penuh }) {
  const perTahun = penuh ? 50_000 : 5_000;
  const kecil = bukuBench(dir, 'kecil', { tahun: 2, perTahun });
  const besar = bukuBench(dir, 'besar', { tahun: 20, perTahun });
  const id = (n) => n.toLocaleString('id-ID');
  console.log(`tumbuh: ${id(kecil.n)} → ${id(besar.n)} entri (${id(perTahun)} entri setahun, 2 → 20 tahun)`);
  const csv = `${dir}/tumbuh-kas.csv`;
  const [thn, bln, tgl] = HARI_INI.split('-');
  tulisKasCsv(csv, BARIS_IMPOR, () => `${tgl}/${bln}/${thn}`);
  // 7 runs a side, alternating, as the posting bench: a command of 0.15 s is counted in 10 ms steps, and with 3
  // runs the same build gave kas keluar 0.71× to 1.69× within ten minutes
  const ULANG = 7;
  for (const [nama, args, { salin = false } = {}] of PERINTAH) {
    const waktu = { kecil: [], besar: [] };
    for (let i = 0; i < ULANG; i++)
      for (const [k, b] of [
        ['kecil', kecil],
        ['besar', besar],
      ])
        waktu[k].push(
          wksbm(
            unitUntuk(b.db, salin),
            args.map((a) => (a === 'KELUAR' ? `${dir}/${k}.xlsx` : a === 'CSV' ? csv : a)),
          ),
        );
    const ukur = (xs) => median(xs.map((x) => x.cpu ?? x.detik));
    const [a, b] = [ukur(waktu.kecil), ukur(waktu.besar)];
    target(`tumbuh 10×: ${nama}`, b / a, 1.2, '×', `${a.toFixed(3)} s → ${b.toFixed(3)} s CPU`);
  }
}
