// Vouchers with the names a receipt prints: the source or kind by name, the donor, the person paid.
import { type Kysely, sql } from 'kysely';
import type { BuktiKwitansi } from '../domain/kwitansi.js';
import { rupiahTersimpan } from '../domain/money.js';
import type { Database } from './types.js';

type Tersimpan = Omit<BuktiKwitansi, 'jumlah'> & { jumlah: number };

function query(db: Kysely<Database>, where: ReturnType<typeof sql>) {
  return sql<Tersimpan>`
    SELECT k.nomor, k.bukti, k.tanggal, k.jumlah, s.nama AS sumber, j.nama AS jenis, l.nama AS layanan, k.uraian,
      d.nama AS donatur,
      coalesce(
        (SELECT group_concat(x.nama, ', ') FROM penyaluran p JOIN ppks x ON x.id = p.ppks_id WHERE p.kas_id = k.id),
        (SELECT st.ahli_waris FROM santunan st WHERE st.kas_id = k.id)) AS penerima,
      asal.nomor AS nomor_batal, pembatal.nomor AS dibatalkan_oleh
    FROM kas k
    LEFT JOIN sumber s ON s.kode = k.sumber
    LEFT JOIN jenis_pengeluaran j ON j.kode = k.jenis
    LEFT JOIN layanan l ON l.kode = k.layanan
    LEFT JOIN donatur d ON d.id = k.donatur_id
    LEFT JOIN kas asal ON asal.id = k.batal_dari
    LEFT JOIN kas pembatal ON pembatal.batal_dari = k.id
    WHERE ${where}
    ORDER BY k.tanggal, k.id`.execute(db);
}

const keBukti = (r: Tersimpan): BuktiKwitansi => ({ ...r, jumlah: rupiahTersimpan(r.jumlah, `Entri kas ${r.nomor}`) });

export async function findBuktiKwitansi(db: Kysely<Database>, nomor: string): Promise<BuktiKwitansi | undefined> {
  const r = (await query(db, sql`k.nomor = ${nomor}`)).rows[0];
  return r && keBukti(r);
}

/**
 * Receipts and payments of a period that stand: neither a void nor voided, transfers left out. Read through the
 * period's range of the date index: `+` keeps SQLite off the indexes of bukti and of batal_dari (which holds every
 * entry that is no void), each of which it would otherwise scan from end to end.
 */
export async function listBuktiKwitansi(db: Kysely<Database>, dari: string, sampai: string): Promise<BuktiKwitansi[]> {
  const where = sql`k.tanggal BETWEEN ${dari} AND ${sampai} AND +k.bukti IN ('BKM', 'BKK')
    AND +k.batal_dari IS NULL AND pembatal.id IS NULL`;
  return (await query(db, where)).rows.map(keBukti);
}
