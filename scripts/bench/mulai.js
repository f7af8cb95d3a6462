// Start-up: `wksbm --version` against `node -e 0`, and `kas saldo` on a 100,000-entry unit, in the
// same run and interleaved (so the machine's load hits all three alike). Judged on CPU seconds where
// /usr/bin/time gives them (the steady figure on a loaded machine), wall time otherwise.
import { jalankan, median, target, wksbm } from './alat.js';
import { bukuBench } from './buku.js';

export default function mulai({ dir }) {
  const { db, n } = bukuBench(dir, 'mulai', { tahun: 2, perTahun: 50_000 });
  const ULANG = 9;
  const waktu = { node: [], versi: [], saldo: [] };
  for (let i = 0; i < ULANG; i++) {
    waktu.node.push(jalankan(process.execPath, ['-e', '0']));
    waktu.versi.push(wksbm(null, ['--version']));
    waktu.saldo.push(wksbm(db, ['kas', 'saldo']));
  }
  const ukur = (xs) => median(xs.map((x) => x.cpu ?? x.detik));
  const dinding = (xs) => median(xs.map((x) => x.detik));
  const [node, versi, saldo] = [ukur(waktu.node), ukur(waktu.versi), ukur(waktu.saldo)];
  const apa = waktu.node[0].cpu === null ? 'dinding' : 'CPU';
  console.log(`mulai (${apa}, median dari ${ULANG}; ${n.toLocaleString('id-ID')} entri untuk kas saldo):`);
  const rinci = (xs, x) => `${apa} ${x.toFixed(3)} s, dinding ${dinding(xs).toFixed(3)} s`;
  console.log(`  node -e 0: ${rinci(waktu.node, node)}`);
  target('wksbm --version ÷ node -e 0', versi / node, 1.5, '×', rinci(waktu.versi, versi));
  target('kas saldo (100 rb entri) ÷ node -e 0', saldo / node, 2, '×', rinci(waktu.saldo, saldo));
}
