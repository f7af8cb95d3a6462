// Reversing one import: its cash entries are voided by reversing entries (the ledger's void rules,
// in bulk), its register rows are removed unless something uses them now. Refused for a closed quarter.
import { RuleError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import type { Ledger } from '../db/connection.js';
import { beginImmediate, findImpor, gerakHarian, kasBerlakuDariImpor, kasInserter, lastKas, markImporBatal, maxUrut, removeUnusedRegisterRows } from '../db/impor-repo.js';
import { closedQuarters } from '../db/periode-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { PostingMassal } from '../ledger/bulk.js';
import { formatTanggal, labelTriwulan, triwulanDari } from '../domain/dates.js';

export interface HasilBatal {
  id: number;
  buku: string;
  kas_dibatalkan: number;
  dihapus: number;
  dipertahankan: { id: number; nama: string }[];
}

export async function batalkanImpor(ledger: Ledger, idTeks: string, ref: Referensi, hariIni: string, waktu: string, oleh: string): Promise<HasilBatal> {
  const id = Number(idTeks.replace(/^#/, ''));
  if (!Number.isSafeInteger(id) || id <= 0) throw new UserError(pesan.imporTidakAda(idTeks));
  const tx = beginImmediate(ledger.sqlite);
  try {
    const imp = await findImpor(ledger.db, id);
    if (!imp) throw new UserError(pesan.imporTidakAda(idTeks));
    if (imp.dibatalkan) throw new RuleError(pesan.imporSudahBatal(id, imp.dibatalkan));
    const hasil: HasilBatal = { id, buku: imp.buku, kas_dibatalkan: 0, dihapus: 0, dipertahankan: [] };
    if (imp.buku === 'kas') {
      const entri = await kasBerlakuDariImpor(ledger.db, id);
      const tertutup = await closedQuarters(ledger.db);
      const tutup = new Set(tertutup.map((t) => `${t.tahun}-${t.triwulan}`));
      for (const e of entri) {
        const t = triwulanDari(e.tanggal);
        if (tutup.has(`${t.tahun}-${t.triwulan}`)) throw new RuleError(pesan.periodeTertutup(formatTanggal(e.tanggal), labelTriwulan(t)));
      }
      const poster = new PostingMassal(ref, { last: lastKas(ledger.sqlite), maxUrut: maxUrut(ledger.sqlite), gerakHarian: gerakHarian(ledger.sqlite), tertutup }, waktu);
      const insert = kasInserter(ledger.sqlite);
      // payments first: undoing them raises balances, so undoing the receipts after never dips below zero needlessly
      const urutan = [...entri.filter((e) => e.arah === 'keluar').reverse(), ...entri.filter((e) => e.arah !== 'keluar').reverse()];
      for (const e of urutan) insert(poster.pembalik(e, `impor #${id} dibatalkan`, hariIni));
      hasil.kas_dibatalkan = urutan.length;
    } else {
      const r = await removeUnusedRegisterRows(ledger.db, imp.buku, id);
      hasil.dihapus = r.dihapus;
      hasil.dipertahankan = r.dipertahankan;
    }
    await markImporBatal(ledger.db, id, waktu, oleh);
    tx.commit();
    return hasil;
  } catch (err) {
    tx.rollback();
    throw err;
  }
}
