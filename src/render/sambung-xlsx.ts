// Writes a workbook exceljs produced in memory (without its long lists) to a file, splicing each
// streamed list's rows into its sheet's XML as they are read (see templat-alir.ts).

import { angkaKeKolom } from './a1.js';
import type { Pengganti, Sambungan } from './templat.js';
import { selTeksXml } from './templat-alir.js';
import { bacaZip, PenulisZip } from './zip.js';

const ENTITAS: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const teksXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITAS[e]!);

/** Sheet name → its member in the zip, from xl/workbook.xml and its relationships. */
function jalurSheet(isi: Map<string, Buffer>): Map<string, string> {
  const wb = isi.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = isi.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const target = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"/g)) {
    const t = target.get(m[2]!);
    if (t) out.set(teksXml(m[1]!), t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

/** The sheet's XML with the list's rows in place of the samples exceljs wrote there. */
async function* sambungkan(xml: string, s: Sambungan, ganti?: Pengganti): AsyncIterable<string | Buffer> {
  const mulai = xml.indexOf(`<row r="${s.awal}"`);
  if (mulai < 0) throw new Error(`sambung: baris ${s.awal} tidak ada di ${s.sheet}`);
  const re = /<row r="(\d+)"|<\/sheetData>/g;
  re.lastIndex = mulai;
  let akhir = xml.length;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] === undefined || Number(m[1]) > s.akhir) {
      akhir = m.index;
      break;
    }
  }
  const kepala = xml.slice(0, mulai);
  yield s.geser ? kepala.replace(/<dimension ref="[^"]*"\/>/, '') : luasSheet(kepala, s.akhir);
  yield* s.baris(xml.slice(mulai, akhir), ganti);
  const ekor = s.geser ? geserSetelah(xml.slice(akhir), s.akhir, s.geser()) : xml.slice(akhir);
  yield s.pisahHalaman ? tambahPisahHalaman(ekor, s.pisahHalaman()) : ekor;
}

/** What may follow a sheet's page breaks (`rowBreaks`), in the order of the sheet's XML schema. */
const SETELAH_PISAH = new RegExp(
  '<(?:colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|' +
    'picture|oleObjects|controls|webPublishItems|tableParts|extLst)\\b|</worksheet>',
);

/** The sheet's XML after its rows, with page breaks after `baris` (a sheet that had none of its own). */
export function tambahPisahHalaman(ekor: string, baris: readonly number[]): string {
  if (!baris.length) return ekor;
  if (ekor.includes('<rowBreaks')) throw new Error('sambung: sheet sudah berpemisah halaman');
  const i = ekor.search(SETELAH_PISAH);
  if (i < 0) throw new Error('sambung: akhir sheet tidak ditemukan');
  const brk = baris.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('');
  const n = baris.length;
  return `${ekor.slice(0, i)}<rowBreaks count="${n}" manualBreakCount="${n}">${brk}</rowBreaks>${ekor.slice(i)}`;
}

/** Rows and cell ranges (`r="…"`, `ref="…"`) below row `batas` moved down by `geser` rows (up when negative). */
export function geserSetelah(xml: string, batas: number, geser: number): string {
  if (!geser) return xml;
  const pindah = (baris: string) => String(Number(baris) > batas ? Number(baris) + geser : Number(baris));
  return xml.replace(/ (r|ref)="([A-Z]*)(\d+)(?::([A-Z]*)(\d+))?"/g, (_m, a, k1, b1, k2, b2) =>
    b2 === undefined ? ` ${a}="${k1}${pindah(b1)}"` : ` ${a}="${k1}${pindah(b1)}:${k2}${pindah(b2)}"`,
  );
}

/** The sheet's used range reaches the list's last row at least. */
function luasSheet(kepala: string, akhir: number): string {
  return kepala.replace(/<dimension ref="([A-Z]+\d+):([A-Z]+)(\d+)"/, (m, a: string, k: string, r: string) =>
    Number(r) >= akhir ? m : `<dimension ref="${a}:${k}${akhir}"`,
  );
}

export async function tulisSambung(
  buf: Buffer,
  sambungan: Sambungan[],
  keluar: string,
  ganti?: Pengganti,
): Promise<void> {
  const anggota = bacaZip(buf);
  const jalur = jalurSheet(new Map(anggota.map((a) => [a.nama, a.isi])));
  const zip = new PenulisZip(keluar);
  try {
    for (const a of anggota) {
      const s = sambungan.find((x) => jalur.get(x.sheet) === a.nama);
      if (s) await zip.tambahAliran(a.nama, sambungkan(a.isi.toString('utf8'), s, ganti));
      else zip.tambah(a.nama, a.isi);
    }
    zip.tutup();
  } catch (e) {
    zip.batal();
    throw e;
  }
}

/**
 * Row 1 of `sheet` as text cells A1, B1, … (the `_data` JSON, as long as the quarter's cash book): put in
 * place of the row exceljs wrote there, so exceljs never holds the text.
 */
export function sambunganTeks(sheet: string, bagian: string[]): Sambungan {
  return {
    sheet,
    awal: 1,
    akhir: 1,
    baris: async function* (contoh) {
      yield /^<row [^>]*>/.exec(contoh)?.[0] ?? '<row r="1">';
      for (const [i, t] of bagian.entries()) yield selTeksXml(`${angkaKeKolom(i + 1)}1`, '', t);
      yield '</row>';
    },
    buang: () => undefined,
  };
}
