// The opening balance of a unit that starts keeping its books mid-year: each account's balance, each
// restricted fund's, the goods in store; dana umum holds the rest. Recorded once as SA vouchers
// through the one write path (postEntry, postNatura): neither income nor expense, voided as a whole.
import type { Kysely } from 'kysely';
import type { Kas } from '../db/kas-repo.js';
import type { Natura } from '../db/natura-repo.js';
import type { Referensi } from '../db/referensi-repo.js';
import { loadReferensi } from '../db/referensi-repo.js';
import { entriKasPertama, entriNaturaPertama, naturaSaldoAwal, saldoAwalBerlaku } from '../db/saldo-awal-repo.js';
import { type Tx, withTransaction } from '../db/transaction.js';
import type { Database } from '../db/types.js';
import { formatTanggal } from '../domain/dates.js';
import { RuleError, UserError } from '../domain/errors.js';
import { formatRupiah, jumlahSemua, type Rupiah, rupiah } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { enforce, OK, type RuleResult, refuse } from '../domain/rule.js';
import { akunAda, danaAda } from './aturan.js';
import { namaBarang, postNatura, voidNatura } from './natura.js';
import { type EntriBaru, entriPembalik, postEntry } from './posting.js';

type Db = Kysely<Database>;

export const DANA_SISA = 'umum';

export interface SaldoAwalBaru {
  tanggal: string;
  /** account code → balance, in the order given; zero balances are left out */
  akun: [string, Rupiah][];
  /** restricted (or any other but umum) fund → balance */
  dana: [string, Rupiah][];
  /** item → thousandths of its unit in store */
  natura: [string, number][];
}

/** Only one opening balance is in force: a second one is refused until the first is voided. */
export async function saldoAwalBelumAda(db: Db): Promise<RuleResult> {
  const ada = (await saldoAwalBerlaku(db))[0];
  return ada ? refuse(new RuleError(pesan.saldoAwalSudahAda(ada.nomor, formatTanggal(ada.tanggal)))) : OK;
}

/** A fund named in an opening balance: one of the unit's, but not umum (which takes the rest). */
export function danaSaldoAwal(ref: Referensi, dana: string): RuleResult {
  if (dana === DANA_SISA) return refuse(new UserError(pesan.saldoAwalDanaUmum(), 'dana'));
  return danaAda(ref, dana);
}

/** What dana umum holds: every account's balance less the funds named. */
export function sisaDanaUmum(akun: readonly Rupiah[], dana: readonly Rupiah[]): number {
  return jumlahSemua(akun) - jumlahSemua(dana);
}

/** The funds named may not hold more than the accounts do: dana umum would start below zero. */
export function danaUmumTidakMinus(akun: readonly Rupiah[], dana: readonly Rupiah[]): RuleResult {
  const sisa = sisaDanaUmum(akun, dana);
  if (sisa >= 0) return OK;
  const [d, a] = [formatRupiah(jumlahSemua(dana)), formatRupiah(jumlahSemua(akun))];
  return refuse(new RuleError(pesan.saldoAwalDanaMinus(d, a, formatRupiah(-sisa)), 'dana'));
}

/** An opening balance precedes every entry of the accounts and funds it opens. */
export async function tanggalSebelumEntriKas(
  db: Db,
  tanggal: string,
  akun: readonly string[],
  dana: readonly string[],
): Promise<RuleResult> {
  const pertama = await entriKasPertama(db, akun, dana);
  if (!pertama || pertama.tanggal >= tanggal) return OK;
  const kode = [...akun, ...dana].join('/');
  return refuse(
    new RuleError(pesan.saldoAwalSetelahEntri(kode, pertama.nomor, formatTanggal(pertama.tanggal)), 'tanggal'),
  );
}

/** …and every stock movement of the goods it counts. */
export async function tanggalSebelumEntriNatura(db: Db, tanggal: string, barang: string): Promise<RuleResult> {
  const pertama = await entriNaturaPertama(db, barang);
  if (!pertama || pertama >= tanggal) return OK;
  return refuse(new RuleError(pesan.saldoAwalSetelahNatura(barang, formatTanggal(pertama)), 'tanggal'));
}

/**
 * The SA entries: each account's balance shared out over the named funds, then umum, account by
 * account (so every account and every fund sums to what was given, in as few vouchers as can be).
 */
export function bagiSaldoAwal(s: SaldoAwalBaru): EntriBaru[] {
  const sisa = sisaDanaUmum(
    s.akun.map(([, n]) => n),
    s.dana.map(([, n]) => n),
  );
  const dana = [...s.dana, [DANA_SISA, rupiah(sisa)] as [string, Rupiah]].filter(([, n]) => n > 0);
  const entri: EntriBaru[] = [];
  let d = 0;
  let sisaDana: number = dana[0]?.[1] ?? 0;
  for (const [akun, saldo] of s.akun) {
    let sisaAkun: number = saldo;
    while (sisaAkun > 0 && d < dana.length) {
      const jumlah = Math.min(sisaAkun, sisaDana);
      entri.push({
        arah: 'masuk',
        bukti: 'SA',
        tanggal: s.tanggal,
        jumlah: rupiah(jumlah),
        dana: dana[d]![0],
        akun,
        uraian: pesan.saldoAwalUraian(),
      });
      sisaAkun -= jumlah;
      sisaDana -= jumlah;
      if (sisaDana === 0) sisaDana = dana[++d]?.[1] ?? 0;
    }
  }
  return entri;
}

/** Every rule of an opening balance, as the write path runs them (a prompt runs each as it is typed). */
async function periksaSaldoAwal(tx: Db, ref: Referensi, s: SaldoAwalBaru): Promise<SaldoAwalBaru> {
  enforce(await saldoAwalBelumAda(tx));
  const akun = s.akun.filter(([, n]) => n > 0);
  const dana = s.dana.filter(([, n]) => n > 0);
  for (const [kode] of s.akun) enforce(akunAda(ref, kode));
  for (const [kode] of s.dana) enforce(danaSaldoAwal(ref, kode));
  if (akun.length === 0) throw new UserError(pesan.saldoAwalKosong(), 'akun');
  const [nAkun, nDana] = [akun.map(([, n]) => n), dana.map(([, n]) => n)];
  enforce(danaUmumTidakMinus(nAkun, nDana));
  const kodeDana = dana.map(([k]) => k);
  if (sisaDanaUmum(nAkun, nDana) > 0) kodeDana.push(DANA_SISA);
  const kodeAkun = akun.map(([k]) => k);
  enforce(await tanggalSebelumEntriKas(tx, s.tanggal, kodeAkun, kodeDana));
  const natura = s.natura.map(([b, q]): [string, number] => [namaBarang(b), q]).filter(([, q]) => q > 0);
  for (const [barang] of natura) enforce(await tanggalSebelumEntriNatura(tx, s.tanggal, barang));
  return { tanggal: s.tanggal, akun, dana, natura };
}

/** Records the opening balance in one transaction: its SA vouchers, then the goods in store linked to them. */
export async function catatSaldoAwal(
  db: Db,
  s: SaldoAwalBaru,
  waktu: string,
): Promise<{ kas: Kas[]; natura: Natura[] }> {
  return withTransaction(db, async (tx) => {
    const ref = await loadReferensi(tx);
    const sah = await periksaSaldoAwal(tx, ref, s);
    const kas: Kas[] = [];
    for (const e of bagiSaldoAwal(sah)) kas.push(await postEntry(tx, e, ref, waktu));
    const natura: Natura[] = [];
    for (const [barang, kuantitas_mili] of sah.natura) {
      const g = { arah: 'masuk' as const, tanggal: sah.tanggal, barang, kuantitas_mili, kas_id: kas[0]!.id };
      natura.push(await postNatura(tx, { ...g, uraian: pesan.saldoAwalUraian(), awal: true }, ref, waktu));
    }
    return { kas, natura };
  });
}

/**
 * Voids the whole opening balance, whichever of its vouchers was named: every SA voucher in force, then
 * its goods in store. Afterwards an opening balance may be recorded again.
 */
export async function batalkanSaldoAwal(
  tx: Tx,
  b: { alasan: string; tanggal: string },
  ref: Referensi,
  waktu: string,
): Promise<{ asli: Kas[]; pembatal: Kas[] }> {
  const asli = await saldoAwalBerlaku(tx);
  const pembatal: Kas[] = [];
  for (const k of asli) {
    const e = entriPembalik(k, b.alasan, b.tanggal);
    pembatal.push(await postEntry(tx, e, ref, waktu, { dari: k.id, alasan: b.alasan }));
  }
  for (const id of await naturaSaldoAwal(
    tx,
    asli.map((k) => k.id),
  ))
    await voidNatura(tx, id, b.alasan, b.tanggal, ref, waktu);
  return { asli, pembatal };
}

/** The opening balance in force, for `kas saldo` and the summary of a void. */
export async function bacaSaldoAwal(db: Db): Promise<Kas[]> {
  return saldoAwalBerlaku(db);
}
