// `wksbm init`: a new unit in a new ledger file.
import fs from 'node:fs';
import type { Command } from 'commander';
import { BAWAAN_PROFIL, PROFIL, PROFIL_INIT } from '../books/profil.js';
import { flagOf } from '../books/field.js';
import { type FormField, collect, confirmSummary } from '../cli/form.js';
import { LedgerError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { renderJson } from '../render/teks.js';
import { getProfil, insertAnggota, insertProfil } from '../db/profil-repo.js';
import { withTransaction } from '../db/transaction.js';

export function register(program: Command, run: Run): void {
  const c = subcommand(program, 'init', 'membuat unit WKSBM baru (berkas buku baru)');
  for (const f of PROFIL) c.option(`--${flagOf(f)} <nilai>`, f.label);
  c.action(
    run(async (ctx, opts) => {
      if (fs.existsSync(ctx.dbPath) && fs.statSync(ctx.dbPath).size > 0) {
        const cek = await ctx.ledger();
        if (await getProfil(cek.db)) throw new LedgerError(pesan.unitSudahAda(ctx.dbPath));
      }
      const fields: FormField[] = PROFIL.map((f) => ({ ...f, tanya: PROFIL_INIT.includes(f.name), bawaan: () => BAWAAN_PROFIL[f.name] }));
      const nilai = await collect(ctx, fields, opts);
      await confirmSummary(ctx, 'Unit baru:', PROFIL.map((f) => [f.label, String(nilai[f.name] ?? '')]));
      const baru = !fs.existsSync(ctx.dbPath);
      try {
        const ledger = await ctx.ledger({ create: true });
        const waktu = ctx.now();
        await withTransaction(ledger.db, async (tx) => {
          await insertProfil(tx, { ...nilai, dibuat: waktu, diubah: waktu });
          for (const jabatan of ['ketua', 'sekretaris', 'bendahara'] as const) {
            const nama = nilai[jabatan];
            if (nama) await insertAnggota(tx, { nama: String(nama), jabatan, hp: (nilai[`hp_${jabatan}`] as string | null) ?? null, dibuat: waktu });
          }
        });
      } catch (err) {
        if (baru) {
          await ctx.close();
          for (const f of [ctx.dbPath, `${ctx.dbPath}-wal`, `${ctx.dbPath}-shm`]) fs.rmSync(f, { force: true });
        }
        throw err;
      }
      if (ctx.json) ctx.io.out(renderJson({ nama: nilai.nama, berkas: ctx.dbPath }));
      else ctx.io.out(pesan.unitDibuat(String(nilai.nama), ctx.dbPath));
    }),
  );
}
