// `wksbm dana`: funds; `umum`, `zakat` and `kematian` exist from init.
import type { Command } from 'commander';
import { parseField } from '../books/field.js';
import { UserError } from '../domain/errors.js';
import { collect } from '../cli/form.js';
import { renderJson, renderTable } from '../render/teks.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { saldoDana } from '../db/kas-repo.js';
import { insertDana, loadReferensi } from '../db/referensi-repo.js';
import { withTransaction } from '../db/transaction.js';
import { formatRupiah } from '../domain/money.js';

export function register(program: Command, run: Run): void {
  const dana = subcommand(program, 'dana', 'dana: umum, zakat, kematian, dan dana lain (terikat atau tidak)');
  subcommand(dana, 'tambah <kode>', 'menambah dana, mis. `dana tambah infak_masjid --nama "Infak masjid" --terikat`')
    .option('--nama <nama>', 'nama dana')
    .option('--terikat', 'dana terikat: saldonya tidak boleh di bawah nol')
    .option('--untuk <jenis>', 'dana hanya boleh dipakai untuk jenis pengeluaran ini')
    .action(
      run(async (ctx, opts, [kodeRaw]) => {
        const kode = parseField({ name: 'kode', label: 'kode dana', type: 'kode', required: true }, kodeRaw!) as string;
        const ledger = await ctx.ledger();
        const ref = await loadReferensi(ledger.db);
        if (ref.dana.some((d) => d.kode === kode)) throw new UserError(pesan.kodeSudahAda('dana', kode));
        const n = await collect(ctx, [{ name: 'nama', label: 'nama dana', type: 'teks', required: true }, { name: 'untuk', label: 'hanya untuk jenis pengeluaran', type: 'pilihan', pilihan: { referensi: 'jenis' }, tanya: false }], opts, ref);
        const row = { kode, nama: String(n.nama), terikat: opts.terikat || n.untuk ? 1 : 0, hanya_jenis: (n.untuk as string | null) ?? null, perlu_asnaf: 0, dibuat: ctx.now() };
        await withTransaction(ledger.db, (tx) => insertDana(tx, row));
        ctx.io.out(ctx.json ? renderJson(row) : pesan.danaDibuat(kode));
      }),
    );
  subcommand(dana, 'daftar', 'daftar dana dengan saldonya').action(
    run(async (ctx) => {
      const ledger = await ctx.ledger();
      const ref = await loadReferensi(ledger.db);
      const saldo = await saldoDana(ledger.db);
      const rows = ref.dana.map((d) => ({ kode: d.kode, nama: d.nama, terikat: Boolean(d.terikat), hanya_jenis: d.hanya_jenis, saldo: saldo.get(d.kode) ?? 0 }));
      if (ctx.json) return ctx.io.out(renderJson(rows));
      ctx.io.out(renderTable(ctx.io, [
        { header: 'Kode', key: 'kode', value: (r) => r.kode },
        { header: 'Nama', key: 'nama', value: (r) => r.nama },
        { header: 'Terikat', key: 'terikat', value: (r) => (r.terikat ? `ya${r.hanya_jenis ? ` (hanya ${r.hanya_jenis})` : ''}` : 'tidak') },
        { header: 'Saldo', key: 'saldo', value: (r) => formatRupiah(r.saldo), align: 'right' },
      ], rows));
    }),
  );
}
