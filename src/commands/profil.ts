// `wksbm profil`: show and edit the unit profile; `profil cap` stores the stamp (book 13).
import fs from 'node:fs';
import type { Command } from 'commander';
import { PROFIL } from '../books/profil.js';
import { flagOf, optionKey, parseField } from '../books/field.js';
import { LedgerError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { type Run, subcommand } from '../cli/command.js';
import { renderJson, renderTable } from '../render/teks.js';
import type { Context } from '../cli/context.js';
import { type Profil, getProfil, insertPerubahan, updateProfil } from '../db/profil-repo.js';
import { withTransaction } from '../db/transaction.js';
import { formatTanggal } from '../domain/dates.js';

async function loadProfil(ctx: Context): Promise<Profil> {
  const ledger = await ctx.ledger();
  const p = await getProfil(ledger.db);
  if (!p) throw new LedgerError(pesan.profilBelumAda());
  return p;
}

export function register(program: Command, run: Run): void {
  const profil = subcommand(program, 'profil', 'menampilkan profil unit; `profil ubah` dan `profil cap` mengubahnya');
  profil.action(
    run(async (ctx) => {
      const p = await loadProfil(ctx);
      const { cap, ...rest } = p;
      if (ctx.json) {
        ctx.io.out(renderJson({ ...rest, cap: cap ? { mime: p.cap_mime, byte: cap.length } : null }));
        return;
      }
      const rows = PROFIL.map((f) => {
        const v = (p as unknown as Record<string, unknown>)[f.name];
        return [f.label, f.type === 'tanggal' ? formatTanggal(v as string | null, true) : String(v ?? '')];
      });
      rows.push(['cap', cap ? `ada (${p.cap_mime}, ${cap.length} byte)` : 'belum ada']);
      ctx.io.out(renderTable(ctx.io, [{ header: 'Isian', key: 'k', value: (r: string[]) => r[0] }, { header: 'Nilai', key: 'v', value: (r: string[]) => r[1] }], rows));
    }),
  );

  const ubah = subcommand(profil, 'ubah', 'mengubah isian profil, misalnya --lurah "Suharjo" atau --sebutan-kalurahan Desa');
  for (const f of PROFIL) ubah.option(`--${flagOf(f)} <nilai>`, f.label);
  ubah.action(
    run(async (ctx, opts) => {
      const p = await loadProfil(ctx);
      const changes: Record<string, unknown> = {};
      for (const f of PROFIL) {
        const raw = opts[optionKey(f)];
        if (raw === undefined) continue;
        const v = parseField(f, String(raw));
        if (f.required && v === null) throw new UserError(pesan.teksKosong(f.label));
        changes[f.name] = v;
      }
      if (Object.keys(changes).length === 0) throw new UserError(pesan.profilTanpaUbahan());
      const ledger = await ctx.ledger();
      const waktu = ctx.now();
      await withTransaction(ledger.db, async (tx) => {
        const lama = p as unknown as Record<string, unknown>;
        await insertPerubahan(tx, Object.entries(changes).filter(([k, v]) => lama[k] !== v).map(([k, v]) => ({ tabel: 'profil', baris_id: 1, kolom: k, lama: lama[k] === null ? null : String(lama[k]), baru: v === null ? null : String(v), oleh: ctx.user(), waktu })));
        await updateProfil(tx, { ...changes, diubah: waktu });
      });
      ctx.io.out(ctx.json ? renderJson({ diubah: Object.keys(changes) }) : pesan.profilDiubah());
    }),
  );

  const cap = subcommand(profil, 'cap <berkas>', 'menyimpan gambar cap/stempel unit (PNG atau JPEG) ke dalam berkas buku');
  cap.action(
    run(async (ctx, _opts, [berkas]) => {
      await loadProfil(ctx);
      let data: Buffer;
      try {
        data = fs.readFileSync(berkas!);
      } catch {
        throw new UserError(pesan.berkasTidakTerbaca(berkas!));
      }
      const mime = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? 'image/png' : data[0] === 0xff && data[1] === 0xd8 ? 'image/jpeg' : null;
      if (!mime) throw new UserError(pesan.capTidakSah(berkas!));
      const ledger = await ctx.ledger();
      const waktu = ctx.now();
      await withTransaction(ledger.db, async (tx) => {
        await insertPerubahan(tx, [{ tabel: 'profil', baris_id: 1, kolom: 'cap', lama: null, baru: `${mime} ${data.length} byte`, oleh: ctx.user(), waktu }]);
        await updateProfil(tx, { cap: data, cap_mime: mime, diubah: waktu });
      });
      ctx.io.out(ctx.json ? renderJson({ mime, byte: data.length }) : pesan.capDisimpan(data.length));
    }),
  );
}
