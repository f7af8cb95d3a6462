// Reversing one import: its cash entries are voided by reversing entries (the ledger's void rules,
// in bulk), its register rows are removed unless something uses them now. Refused for a closed quarter.

import type { Ledger } from '../db/connection.js';
import {
  beginImmediate,
  findImpor,
  kasBerlakuDariImpor,
  lastKas,
  markImporBatal,
  maxUrut,
  removeUnusedRegisterRows,
} from '../db/impor-repo.js';
import { kasLangsung } from '../db/kas-bulk.js';
import { closedQuarters } from '../db/periode-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { bacaHarian } from '../db/saldo-repo.js';
import { RuleError, UserError } from '../domain/errors.js';
import { pesan } from '../domain/pesan.js';
import { PostingMassal } from '../ledger/bulk.js';
import { bacaRentang, setTertutup } from '../ledger/keadaan.js';
import { cekTerbuka } from '../ledger/period.js';

export interface HasilBatal {
  id: number;
  buku: string;
  kas_dibatalkan: number;
  dihapus: number;
  dipertahankan: { id: number; nama: string }[];
}

export async function batalkanImpor(
  ledger: Ledger,
  idTeks: string,
  ref: Referensi,
  hariIni: string,
  waktu: string,
  oleh: string,
): Promise<HasilBatal> {
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
      // the entries' own quarters, not only the reversals' date: an import into a closed quarter stays
      const tutup = setTertutup(tertutup);
      for (const e of entri) cekTerbuka(tutup, e.tanggal);
      const sqlite = ledger.sqlite;
      const awal = {
        ujung: lastKas(sqlite),
        maxUrut: maxUrut(sqlite),
        tertutup,
        rentang: await bacaRentang(ledger.db),
        harian: bacaHarian(sqlite),
      };
      const poster = new PostingMassal(ref, awal, waktu);
      const tujuan = kasLangsung(sqlite);
      // payments first: undoing them raises balances, so undoing the receipts after never dips below zero needlessly
      const urutan = [
        ...entri.filter((e) => e.arah === 'keluar').reverse(),
        ...entri.filter((e) => e.arah !== 'keluar').reverse(),
      ];
      for (const e of urutan) tujuan.tulis(poster.pembalik(e, `impor #${id} dibatalkan`, hariIni));
      tujuan.akhiri(poster.hariBerubah());
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
