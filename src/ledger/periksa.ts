// `wksbm periksa`: everything that must hold in a ledger file, each as a finding when it does not.

import { barisRantai, danaTerikat, iterRantai, iterTeksRantai, voidsNotMirroring } from '../db/check-repo.js';
import type { Ledger } from '../db/connection.js';
import type { Kas } from '../db/kas-repo.js';
import { type Natura, negativeStokDayEnds, salesWithVoidedReceipt } from '../db/natura-repo.js';
import { bacaSqlSamping, type HasilSql } from '../db/periksa-sql.js';
import { segelTerakhir } from '../db/periode-repo.js';
import { type BedaHarian, saldoTakBerjalan } from '../db/saldo-repo.js';
import type { Tx } from '../db/transaction.js';
import type { SaldoHarianRow } from '../db/types.js';
import type { PetaGanti } from '../domain/anonim.js';
import { formatTanggal, labelTriwulan, type Triwulan } from '../domain/dates.js';
import { LedgerError } from '../domain/errors.js';
import { formatRupiah, jumlahSemua, type Rupiah, rupiahTersimpan } from '../domain/money.js';
import { pesan } from '../domain/pesan.js';
import { kodeSegelLaporan, type Segel } from '../domain/segel.js';
import { KOLOM_RANTAI, PemeriksaRantai, type TabelRantai } from './hash.js';
import { periksaJurnal, petaGantiJurnal, type TemuanJurnal } from './jurnal.js';
import { formatKuantitas, gerakNatura } from './natura.js';
import { formatNomor, gerakKas } from './posting.js';
import type { Gerak } from './saldo.js';
import { periksaPemicu, periksaSegel, type TemuanSegel } from './segel.js';

export interface Temuan {
  jenis:
    | 'integritas'
    | 'kunci_asing'
    | 'rantai_hash'
    | 'urutan_bukti'
    | 'saldo'
    | 'pembatalan'
    | 'stok'
    | 'saldo_harian'
    | TemuanSegel['jenis']
    | TemuanJurnal['jenis'];
  pesan: string;
  id?: number;
}

export interface OpsiPeriksa {
  /** SQLite's full integrity_check (every index against its table) instead of quick_check */
  lengkap?: boolean;
}

export async function periksa(ledger: Pick<Ledger, 'db' | 'sqlite'>, opsi: OpsiPeriksa = {}): Promise<Temuan[]> {
  const db = ledger.db;
  // SQLite's checks and the grouped totals run beside the hash chains (in a worker thread where built)
  const sql = bacaSqlSamping(ledger.sqlite, opsi.lengkap ?? false);
  sql.catch(() => {}); // awaited below, also when reading here fails first
  let peta: PetaGanti = new Map();
  const putus: Temuan[] = [];
  let galatRantai: unknown;
  try {
    peta = await petaGantiJurnal(db);
    for (const tabel of ['kas', 'natura'] as TabelRantai[]) putus.push(...temuanRantai(ledger.sqlite, tabel, peta));
  } catch (err) {
    galatRantai = err; // a damaged page: SQLite's own check names it below
  }
  const hasil = await sql;
  // the other checks read the damaged pages and would stop at the first; the damage is the finding
  if (hasil.rusak.length)
    return [
      ...hasil.rusak.map((m): Temuan => ({ jenis: 'integritas', pesan: `SQLite melaporkan kerusakan: ${m}` })),
      { jenis: 'integritas', pesan: pesan.periksaRusak() },
    ];
  if (galatRantai) throw galatRantai;
  const temuan: Temuan[] = hasil.kunciAsing.map((f) => ({
    jenis: 'kunci_asing',
    pesan: `Baris ${f.rowid} di tabel ${f.table} menunjuk ke ${f.parent} yang tidak ada.`,
  }));
  // as when the books were walked row by row: a row's number, then the chains' breaks, then the gaps
  const bukti = temuanBukti(hasil.bukti);
  temuan.push(...bukti.baris, ...putus, ...bukti.celah);
  for (const v of await voidsNotMirroring(db))
    temuan.push({
      jenis: 'pembatalan',
      id: v.id,
      pesan: `Pembatalan ${v.nomor} tidak mencerminkan entri yang dibatalkannya.`,
    });

  const harian = totalHarian(hasil);
  for (const n of harian.minus(await danaTerikat(db))) {
    const apa = n.jenis === 'dana' ? `Dana terikat ${n.kode}` : `Akun ${n.kode}`;
    temuan.push({
      jenis: 'saldo',
      pesan: `${apa} bersaldo minus (${formatRupiah(n.saldo)}) pada ${formatTanggal(n.tanggal)}.`,
    });
  }
  for (const n of await negativeStokDayEnds(db)) {
    temuan.push({
      jenis: 'stok',
      pesan: pesan.stokMinusPeriksa(n.barang, formatKuantitas(Number(n.sisa_mili), n.satuan), formatTanggal(n.tanggal)),
    });
  }
  for (const j of await salesWithVoidedReceipt(db))
    temuan.push({ jenis: 'stok', id: j.id, pesan: pesan.jualTanpaBkm(j.id, j.nomor) });
  // the day totals the floor checks rely on must be what the books add up to
  for (const b of harian.beda(hasil.saldoHarian))
    temuan.push({ jenis: 'saldo_harian', pesan: pesan.saldoHarianBeda(...uraianHarian(b)) });
  for (const b of await saldoTakBerjalan(db))
    temuan.push({ jenis: 'saldo_harian', pesan: pesan.saldoHarianBerjalan(...uraianHarian(b)) });
  temuan.push(...periksaTotalSaldo(harian));
  temuan.push(...(await periksaPemicu(db)));
  temuan.push(...periksaJurnal(ledger, peta));
  temuan.push(...(await periksaSegelTutup(db)));
  return temuan;
}

/** A chain's first break as its finding. */
function temuanRantai(sqlite: Ledger['sqlite'], tabel: TabelRantai, peta: PetaGanti): Temuan[] {
  const rantai = new PemeriksaRantai(tabel, peta);
  jalaniRantai(sqlite, tabel, rantai);
  const putus = rantai.putus;
  if (!putus) return [];
  const nama =
    tabel === 'kas' ? `entri kas ${String(putus.row.nomor)} (id ${putus.id})` : `entri natura id ${putus.id}`;
  return [
    {
      jenis: 'rantai_hash',
      id: putus.id,
      pesan:
        putus.alasan === 'isi'
          ? `Isi ${nama} diubah di luar wksbm: hash-nya tidak cocok lagi.`
          : `Rantai hash putus di ${nama}: entri sebelumnya diubah, dihapus atau disisipkan.`,
    },
  ];
}

/**
 * Walks a chain in id order on the rows' JSON texts; a row whose text does not match is read again by
 * its values and decided as before, then the walk goes on after it (unless the chain broke there). A
 * value SQLite will not write as JSON (a BLOB, put there outside the tool) sends the rest of the book
 * through the values.
 */
function jalaniRantai(sqlite: Ledger['sqlite'], tabel: TabelRantai, rantai: PemeriksaRantai): void {
  const kolom = KOLOM_RANTAI[tabel];
  let setelah: number | null = null;
  while (!rantai.putus) {
    let ragu: [number, unknown, unknown] | undefined;
    try {
      for (const [id, json, hashSebelum, hash] of iterTeksRantai(sqlite, tabel, kolom, setelah)) {
        if (!rantai.cocokTeks(id, json, hashSebelum, hash)) {
          ragu = [id, hashSebelum, hash];
          break;
        }
        setelah = id;
      }
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'SQLITE_ERROR') throw err;
      for (const row of iterRantai(sqlite, tabel, kolom, setelah)) {
        const hash = row.pop();
        rantai.push(row, row.pop(), hash);
        if (rantai.putus) break;
      }
      return;
    }
    if (!ragu) return;
    rantai.push(barisRantai(sqlite, tabel, kolom, ragu[0]), ragu[1], ragu[2]);
    setelah = ragu[0];
  }
}

/** The books' day totals from SQLite's groups, moved by the write path's own movement functions. */
function totalHarian(hasil: HasilSql): TotalHarian {
  const harian = new TotalHarian();
  for (const [tanggal, arah, dana, akun, akun_tujuan, jumlah] of hasil.harianKas)
    harian.tambah(String(tanggal), {
      arah: arah as Kas['arah'],
      jumlah: Number(jumlah),
      dana: dana as string | null,
      akun: String(akun),
      akun_tujuan: akun_tujuan as string | null,
    });
  for (const [tanggal, arah, barang, satuan, kuantitas] of hasil.harianNatura)
    harian.tambahNatura(String(tanggal), String(satuan), {
      arah: arah as Natura['arah'],
      barang: String(barang),
      kuantitas_mili: Number(kuantitas),
    });
  return harian;
}

/**
 * Voucher numbers: every row of a series SQLite finds with a number used twice or missing, and the rows
 * whose number or year may not fit their date, judged in id order as if the whole book were walked (a
 * series SQLite finds whole has no findings of its own to give).
 */
function temuanBukti(baris: unknown[][]): { baris: Temuan[]; celah: Temuan[] } {
  const s = new SeriBukti();
  const temuan: Temuan[] = [];
  for (const r of baris) {
    const t = r[6] ? s.push(r) : s.cekNomor(r);
    if (t) temuan.push(...t);
  }
  return { baris: temuan, celah: s.celah() };
}

/** The latest closing's seal: the history it sealed must still be there, row for row. */
async function periksaSegelTutup(db: Tx): Promise<TemuanSegel[]> {
  const s = await segelTerakhir(db);
  if (!s) return [];
  const segel = JSON.parse(s.segel) as Segel;
  return periksaSegel(db, segel.rantai, { nama: `penutupan triwulan ${labelTriwulan(s as Triwulan)}` });
}

/** What `periksa --laporan` needs of a workbook's `_data`. */
export interface IsiDataSegel {
  laporan: { periode: { sampai: string } };
  sel?: Record<string, number>;
  segel?: Segel;
}

/** `periksa --laporan`: the ledger against the seal in a workbook's `_data`. */
export async function periksaLaporan(db: Tx, berkas: string, isi: IsiDataSegel | string): Promise<TemuanSegel[]> {
  if (typeof isi === 'string') return [{ jenis: 'segel', pesan: pesan.segelLaporanRusak(berkas, isi) }];
  if (!isi.segel) return [{ jenis: 'segel', pesan: pesan.segelTidakAda(berkas) }];
  if (kodeSegelLaporan(isi.segel.rantai, isi) !== isi.segel.kode)
    return [{ jenis: 'segel', pesan: pesan.segelKodeBeda(berkas) }];
  return periksaSegel(db, isi.segel.rantai, { nama: `laporan ${berkas}`, sampai: isi.laporan.periode.sampai });
}

/** Funds and accounts must hold the same money; a balance that is not whole rupiah is a finding, not a crash. */
function periksaTotalSaldo(harian: TotalHarian): Temuan[] {
  try {
    const totalDana = jumlahSemua(harian.saldo('dana'));
    const totalAkun = jumlahSemua(harian.saldo('akun'));
    if (totalDana === totalAkun) return [];
    const dana = `Jumlah saldo semua dana (${formatRupiah(totalDana)})`;
    const akun = `jumlah saldo semua akun (${formatRupiah(totalAkun)})`;
    return [{ jenis: 'saldo', pesan: `${dana} tidak sama dengan ${akun}.` }];
  } catch (e) {
    if (e instanceof LedgerError) return [{ jenis: 'saldo', pesan: e.message }];
    throw e;
  }
}

/**
 * Day totals added up from the rows as periksa streams them, by the write path's own movement
 * functions; compared with saldo_harian they show a row inserted, deleted or changed outside the
 * tool, or a tampered total. (One pass over the books already made for the hash chain: a GROUP BY
 * over gerak_saldo would read a million-row book again.)
 */
class TotalHarian {
  private readonly kunci = new Map<string, { buku: Gerak['buku']; kode: string; hari: Map<string, number> }>();
  private readonly satuan = new Map<string, string>();

  tambah(tanggal: string, row: Parameters<typeof gerakKas>[0]): void {
    this.catat(tanggal, gerakKas(row));
  }

  tambahNatura(tanggal: string, satuan: string, row: Parameters<typeof gerakNatura>[0]): void {
    if (!this.satuan.has(row.barang)) this.satuan.set(row.barang, satuan);
    this.catat(tanggal, gerakNatura(row));
  }

  private catat(tanggal: string, gerak: readonly Gerak[]): void {
    for (const g of gerak) {
      const k = `${g.buku}:${g.kode}`;
      let x = this.kunci.get(k);
      if (!x) this.kunci.set(k, (x = { buku: g.buku, kode: g.kode, hari: new Map() }));
      x.hari.set(tanggal, (x.hari.get(tanggal) ?? 0) + g.gerak);
    }
  }

  /** Per account and restricted fund, the first day the books' running balance is below zero. */
  minus(terikat: ReadonlySet<string>): { jenis: 'dana' | 'akun'; kode: string; tanggal: string; saldo: number }[] {
    const out: { jenis: 'dana' | 'akun'; kode: string; tanggal: string; saldo: number }[] = [];
    for (const x of this.kunci.values()) {
      if (x.buku === 'stok' || (x.buku === 'dana' && !terikat.has(x.kode))) continue;
      let saldo = 0;
      for (const h of [...x.hari.keys()].sort()) {
        saldo += x.hari.get(h)!;
        if (saldo < 0) {
          out.push({ jenis: x.buku, kode: x.kode, tanggal: h, saldo });
          break;
        }
      }
    }
    return out.sort((a, b) => (a.jenis + a.kode < b.jenis + b.kode ? -1 : 1));
  }

  /** The books' balance of every fund or account, checked as whole rupiah (a LedgerError names the first not). */
  saldo(buku: 'dana' | 'akun'): Rupiah[] {
    const out: Rupiah[] = [];
    for (const x of this.kunci.values()) {
      if (x.buku !== buku) continue;
      let s = 0;
      for (const g of x.hari.values()) s += g;
      out.push(rupiahTersimpan(s, `Saldo ${buku} ${x.kode}`));
    }
    return out;
  }

  /** per key (by buku, then kode), the first day whose stored total is not what the rows add up to */
  beda(tersimpan: readonly SaldoHarianRow[]): BedaHarian[] {
    const simpan = new Map<string, Map<string, number>>();
    for (const r of tersimpan) {
      const k = `${r.buku}:${r.kode}`;
      if (!simpan.has(k)) simpan.set(k, new Map());
      simpan.get(k)!.set(r.tanggal, Number(r.gerak));
      if (!this.kunci.has(k)) this.kunci.set(k, { buku: r.buku, kode: r.kode, hari: new Map() });
    }
    const out: BedaHarian[] = [];
    for (const x of this.kunci.values()) {
      const s = simpan.get(`${x.buku}:${x.kode}`) ?? new Map<string, number>();
      const hari = [...new Set([...x.hari.keys(), ...s.keys()])].sort();
      const t = hari.find((h) => (x.hari.get(h) ?? 0) !== (s.get(h) ?? 0));
      if (t)
        out.push({
          buku: x.buku,
          kode: x.kode,
          tanggal: t,
          tercatat: s.get(t) ?? 0,
          seharusnya: x.hari.get(t) ?? 0,
          satuan: x.buku === 'stok' ? (this.satuan.get(x.kode) ?? null) : null,
        });
    }
    return out.sort((a, b) =>
      a.buku === b.buku ? (a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0) : a.buku < b.buku ? -1 : 1,
    );
  }
}

function uraianHarian(b: BedaHarian): [string, string, string, string] {
  const jumlah = (n: number) =>
    b.buku === 'stok' ? formatKuantitas(Number(n), b.satuan ?? undefined) : formatRupiah(Number(n));
  return [`${b.buku} ${b.kode}`, formatTanggal(b.tanggal), jumlah(b.tercatat), jumlah(b.seharusnya)];
}

/** Candidate row positions as HasilSql.bukti gives them. */
const B = { id: 0, bukti: 1, tahun: 2, urut: 3, nomor: 4, tanggal: 5 } as const;

/** Voucher numbers: each must match its sequence and date; each series per kind per year must be 1..n. */
class SeriBukti {
  private readonly terlihat = new Map<string, Uint8Array>();

  /** the findings on a row of a series fed whole, in id order, or undefined (most rows: no array made) */
  push(x: unknown[]): Temuan[] | undefined {
    const urut = Number(x[B.urut]);
    const kunci = `${String(x[B.bukti])}/${String(x[B.tahun])}`;
    let bit = this.terlihat.get(kunci) ?? new Uint8Array(1024);
    if (urut >= bit.length) {
      const lebih = new Uint8Array(Math.max(urut + 1, bit.length * 2));
      lebih.set(bit);
      bit = lebih;
    }
    this.terlihat.set(kunci, bit);
    let temuan: Temuan[] | undefined;
    if (urut > 0 && bit[urut])
      (temuan ??= []).push({
        jenis: 'urutan_bukti',
        id: Number(x[B.id]),
        pesan: `Nomor ${String(x[B.bukti])} tahun ${String(x[B.tahun])} urutan ${urut} dipakai dua kali.`,
      });
    if (urut > 0) bit[urut] = 1;
    const t = this.cekNomor(x);
    return t ? [...(temuan ?? []), ...t] : temuan;
  }

  /** a row's number against its sequence and date, and its year against its date */
  cekNomor(x: unknown[]): Temuan[] | undefined {
    const tanggal = String(x[B.tanggal]);
    const seharusnya = formatNomor(Number(x[B.urut]), x[B.bukti] as 'BKM', tanggal);
    if (seharusnya === x[B.nomor] && Number(tanggal.slice(0, 4)) === Number(x[B.tahun])) return undefined;
    return [
      {
        jenis: 'urutan_bukti',
        id: Number(x[B.id]),
        pesan:
          `Nomor bukti ${String(x[B.nomor])} tidak sesuai dengan urutan dan tanggalnya ` +
          `(seharusnya ${seharusnya}).`,
      },
    ];
  }

  celah(): Temuan[] {
    const temuan: Temuan[] = [];
    for (const [kunci, bit] of this.terlihat) {
      const [bukti, tahun] = kunci.split('/');
      const maks = bit.lastIndexOf(1);
      const hilang: number[] = [];
      for (let i = 1; i <= maks && hilang.length < 10; i++) if (!bit[i]) hilang.push(i);
      if (hilang.length)
        temuan.push({
          jenis: 'urutan_bukti',
          pesan: `Nomor ${bukti} tahun ${tahun} melompat: urutan ${hilang.join(', ')} tidak ada.`,
        });
    }
    return temuan;
  }
}
