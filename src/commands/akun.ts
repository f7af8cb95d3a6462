// `wksbm akun`: cash accounts; `tunai` exists from init.
import type { Command } from 'commander';
import { daftarAkun, kodeAkunBaru, tambahAkun } from '../books/akun.js';
import { parseField } from '../books/field.js';
import { bacaReferensi } from '../books/referensi.js';
import { type Run, subcommand } from '../cli/command.js';
import { askArgumenTeks, collect, declareOptions, type Form } from '../cli/form.js';
import { formatRupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { type Kolom, renderJson, renderTable } from '../render/teks.js';

const KODE = { name: 'kode', label: 'kode akun', type: 'kode', required: true } as const;
const FORM_AKUN = { nama: { name: 'nama', label: 'nama akun', type: 'teks', required: true } } satisfies Form;

const KOLOM_AKUN: Kolom<{ kode: string; nama: string; saldo: number }>[] = [
  { header: 'Kode', key: 'kode', value: (r) => r.kode },
  { header: 'Nama', key: 'nama', value: (r) => r.nama },
  { header: 'Saldo', key: 'saldo', value: (r) => formatRupiah(r.saldo), align: 'right' },
];

export function register(program: Command, run: Run): void {
  const akun = subcommand(program, 'akun', 'akun kas: tunai dan rekening bank');
  const ringkas = 'menambah akun, mis. `akun tambah bri --nama "BRI Unit Bantul"`';
  declareOptions(subcommand(akun, 'tambah [kode]', ringkas), FORM_AKUN).action(
    run(async (ctx, opts, [kodeRaw]) => {
      const { db } = await ctx.ledger();
      const ref = await bacaReferensi(db);
      const teks = await askArgumenTeks(ctx, kodeRaw, {
        label: 'kode akun',
        contoh: 'wksbm akun tambah bri --nama "BRI Unit Bantul"',
        check: (raw) => kodeAkunBaru(ref, parseField(KODE, raw) as string),
      });
      const kode = parseField(KODE, teks) as string;
      const n = await collect(ctx, FORM_AKUN, opts);
      const row = await tambahAkun(db, { kode, nama: n.nama }, ctx.now());
      ctx.io.out(ctx.json ? renderJson(row) : pesan.akunDibuat(kode));
    }),
  );
  subcommand(akun, 'daftar', 'daftar akun dengan saldonya').action(
    run(async (ctx) => {
      const rows = await daftarAkun((await ctx.ledger()).db);
      ctx.io.out(ctx.json ? renderJson(rows) : renderTable(ctx.io, KOLOM_AKUN, rows));
    }),
  );
}
