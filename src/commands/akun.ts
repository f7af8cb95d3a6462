// `wksbm akun`: cash accounts; `tunai` exists from init.
import type { Command } from 'commander';
import { parseField } from '../books/field.js';
import { UserError } from '../domain/errors.js';
import { collect } from '../cli/form.js';
import { renderJson, renderTable } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { saldoAkun } from '../db/kas-repo.js';
import { insertAkun, loadReferensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import { formatRupiah } from '../domain/money.js';

export function register(program: Command, run: Run): void {
  const akun = subcommand(program, 'akun', 'akun kas: tunai dan rekening bank');
  subcommand(akun, 'tambah <kode>', 'menambah akun, mis. `akun tambah bri --nama "BRI Unit Bantul"`')
    .option('--nama <nama>', 'nama akun')
    .action(
      run(async (ctx, opts, [kodeRaw]) => {
        const kode = parseField({ name: 'kode', label: 'kode akun', type: 'kode', required: true }, kodeRaw!) as string;
        const ledger = await ctx.ledger();
        const ref = await loadReferensi(ledger.db);
        if (ref.akun.some((a) => a.kode === kode)) throw new UserError(pesan.kodeSudahAda('akun', kode));
        const n = await collect(ctx, [{ name: 'nama', label: 'nama akun', type: 'teks', required: true }], opts, ref);
        const row = { kode, nama: String(n.nama), dibuat: ctx.now() };
        await withTransaction(ledger.db, (tx) => insertAkun(tx, row));
        ctx.io.out(ctx.json ? renderJson(row) : pesan.akunDibuat(kode));
      }),
    );
  subcommand(akun, 'daftar', 'daftar akun dengan saldonya').action(
    run(async (ctx) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const saldo = await saldoAkun(ledger.db);
      const rows = ref.akun.map((a) => ({ kode: a.kode, nama: a.nama, saldo: saldo.get(a.kode) ?? 0 }));
      if (ctx.json) return ctx.io.out(renderJson(rows));
      ctx.io.out(renderTable(ctx.io, [
        { header: 'Kode', key: 'kode', value: (r) => r.kode },
        { header: 'Nama', key: 'nama', value: (r) => r.nama },
        { header: 'Saldo', key: 'saldo', value: (r) => formatRupiah(r.saldo), align: 'right' },
      ], rows));
    }),
  );
}
