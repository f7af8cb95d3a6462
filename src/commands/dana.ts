// `wksbm dana`: funds; `umum`, `zakat` and `kematian` exist from init.
import type { Command } from 'commander';
import { type DanaSaldo, daftarDana, kodeDanaBaru, tambahDana } from '../books/dana.js';
import { parseField } from '../books/field.js';
import { bacaReferensi } from '../books/referensi.js';
import { type Run, subcommand } from '../cli/command.js';
import { collect, declareOptions, type Form } from '../cli/form.js';
import { formatRupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce } from '../domain/rule.js';
import { type Kolom, renderJson, renderTable } from '../render/teks.js';

const KODE = { name: 'kode', label: 'kode dana', type: 'kode', required: true } as const;
const FORM_DANA = {
  nama: { name: 'nama', label: 'nama dana', type: 'teks', required: true },
  untuk: {
    name: 'untuk',
    label: 'hanya untuk jenis pengeluaran',
    type: 'pilihan',
    pilihan: { referensi: 'jenis' },
    tanya: false,
  },
} satisfies Form;

const KOLOM_DANA: Kolom<DanaSaldo>[] = [
  { header: 'Kode', key: 'kode', value: (r) => r.kode },
  { header: 'Nama', key: 'nama', value: (r) => r.nama },
  {
    header: 'Terikat',
    key: 'terikat',
    value: (r) => (r.terikat ? `ya${r.hanya_jenis ? ` (hanya ${r.hanya_jenis})` : ''}` : 'tidak'),
  },
  { header: 'Saldo', key: 'saldo', value: (r) => formatRupiah(r.saldo), align: 'right' },
];

function pasangTambah(dana: Command, run: Run): void {
  const ringkas = 'menambah dana, mis. `dana tambah infak_masjid --nama "Infak masjid" --terikat`';
  const tambah = subcommand(dana, 'tambah <kode>', ringkas);
  declareOptions(tambah, { nama: FORM_DANA.nama }).option(
    '--terikat',
    'dana terikat: saldonya tidak boleh di bawah nol',
  );
  declareOptions(tambah, { untuk: FORM_DANA.untuk }).action(
    run(async (ctx, opts, [kodeRaw]) => {
      const kode = parseField(KODE, kodeRaw!) as string;
      const { db } = await ctx.ledger();
      const ref = await bacaReferensi(db);
      enforce(kodeDanaBaru(ref, kode));
      const n = await collect(ctx, FORM_DANA, opts, { ref });
      const row = await tambahDana(
        db,
        { kode, nama: n.nama, terikat: Boolean(opts.terikat), untuk: n.untuk },
        ctx.now(),
      );
      ctx.io.out(ctx.json ? renderJson(row) : pesan.danaDibuat(kode));
    }),
  );
}

export function register(program: Command, run: Run): void {
  const dana = subcommand(program, 'dana', 'dana: umum, zakat, kematian, dan dana lain (terikat atau tidak)');
  pasangTambah(dana, run);
  subcommand(dana, 'daftar', 'daftar dana dengan saldonya').action(
    run(async (ctx) => {
      const rows = await daftarDana((await ctx.ledger()).db);
      ctx.io.out(ctx.json ? renderJson(rows) : renderTable(ctx.io, KOLOM_DANA, rows));
    }),
  );
}
