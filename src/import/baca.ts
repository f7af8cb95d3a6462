// Reading a CSV or XLSX file as people make them into raw rows: encoding and delimiter are
// detected, not assumed; XLSX numbers stay numbers so amounts stay exact.

import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { bacaSelAman } from '../domain/csv.js';
import { UserError } from '../domain/errors.js';
import { createHash } from '../domain/kripto.js';
import { pesan } from '../domain/pesan.js';
import { BATAS_EXCELJS, periksaUkuranZip, ZipTerlaluBesar } from '../render/zip.js';

/** A cell as read: text from CSV, text or number from XLSX (dates become ISO text). */
export type Sel = string | number;

export interface BarisMentah {
  /** the line (CSV) or row (XLSX) number in the file, 1-based, where the row starts */
  baris: number;
  sel: Sel[];
}

export interface Tabel {
  jenis: 'csv' | 'xlsx';
  /** CSV only: the detected delimiter */
  pemisah: string;
  /** the detected text encoding (CSV) */
  encoding: string;
  bom: boolean;
  sha256: string;
  /** a measure of the file's size and of how far reading has got, for a progress bar */
  total: number;
  posisi(): number;
  /** rows in batches: one await per batch, not per row, keeps a million-row file fast */
  rows: AsyncIterable<BarisMentah[]>;
}

export async function bukaTabel(berkas: string): Promise<Tabel> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(berkas);
  } catch {
    throw new UserError(pesan.berkasTidakTerbaca(berkas));
  }
  const sha256 = createHash('sha256').update(buf).digest('hex');
  if (buf.length === 0) throw new UserError(pesan.imporBerkasKosong(berkas));
  const ext = path.extname(berkas).toLowerCase();
  if (buf.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return bacaXlsx(buf, sha256, berkas);
  if (ext === '.xls' || buf.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new UserError(pesan.imporXlsLama(berkas));
  // a pipe (`… | wksbm impor donatur /dev/stdin`, `<(iconv …)`) cannot be read a second time: its bytes are kept
  const baca = fs.statSync(berkas).isFile()
    ? pembaca(berkas)
    : (dari: number, sampai: number) => buf.subarray(dari, sampai);
  return bacaCsv(buf, sha256, berkas, baca);
}

/** The encoding decode reads a file in, without decoding it. */
function kenaliEncoding(buf: Buffer): { encoding: string; bom: boolean } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return decode(buf.subarray(0, 2));
  const contoh = buf.subarray(0, Math.min(buf.length, 4096));
  let nol = 0;
  for (let i = 0; i < contoh.length; i++) if (contoh[i] === 0) nol++;
  // zero bytes: UTF-16 without a BOM, decided by decode
  if (nol > 0) return decode(buf);
  return { encoding: isUtf8(buf) ? 'utf-8' : 'windows-1252', bom: false };
}

/**
 * Zero bytes at its start that are not UTF-16's (every other byte, on one side): no spreadsheet saves text so. An
 * executable, an image, a database; refused before any of it is decoded.
 */
function biner(buf: Buffer): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return false;
  const contoh = buf.subarray(0, Math.min(buf.length, 4096));
  let nolGanjil = 0;
  let nolGenap = 0;
  for (let i = 0; i < contoh.length; i++) if (contoh[i] === 0) i % 2 ? nolGanjil++ : nolGenap++;
  // UTF-16 of Latin text: a zero in every other byte, on one side only
  const n = contoh.length;
  const utf16 = (nolGanjil > n / 4 && nolGenap < n / 64) || (nolGenap > n / 4 && nolGanjil < n / 64);
  return nolGanjil + nolGenap > 0 && !utf16;
}

/** BOM first; then UTF-16 without BOM by its zero bytes; then UTF-8 if it decodes cleanly; else Windows-1252. */
export function decode(buf: Buffer): { teks: string; encoding: string; bom: boolean } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { teks: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8', bom: true };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { teks: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', bom: true };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { teks: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be', bom: true };
  const contoh = buf.subarray(0, Math.min(buf.length, 4096));
  let nolGanjil = 0;
  let nolGenap = 0;
  for (let i = 0; i < contoh.length; i++) if (contoh[i] === 0) i % 2 ? nolGanjil++ : nolGenap++;
  if (nolGanjil > contoh.length / 4)
    return { teks: new TextDecoder('utf-16le').decode(buf), encoding: 'utf-16le', bom: false };
  if (nolGenap > contoh.length / 4)
    return { teks: new TextDecoder('utf-16be').decode(buf), encoding: 'utf-16be', bom: false };
  try {
    return { teks: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', bom: false };
  } catch {
    return { teks: decodeCp1252(buf), encoding: 'windows-1252', bom: false };
  }
}

// 0x80–0x9F in Windows-1252 (Node's TextDecoder treats the label as Latin-1 and keeps C1 controls there).
const CP1252 =
  // 0x80-0x8F
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  // 0x90-0x9F
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

export function decodeCp1252(buf: Buffer): string {
  const latin1 = buf.toString('latin1');
  return /[\x80-\x9f]/.test(latin1) ? latin1.replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!) : latin1;
}

/** The delimiter that splits the first lines most consistently: `;` (Excel, Indonesian locale), `,` or tab. */
export function detectDelimiter(teks: string): string {
  const baris = teks
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((b) => b.trim() !== '')
    .slice(0, 20);
  let terbaik = ',';
  let skor = -1;
  for (const p of [';', ',', '\t']) {
    const hitung = baris.map((b) => b.replace(/"[^"]*"/g, '').split(p).length - 1);
    const dengan = hitung.filter((n) => n > 0);
    // lines that agree with the most common count weigh most; title lines have none or few
    const modus = mode(dengan);
    const s = dengan.filter((n) => n === modus).length * 1000 + modus;
    if (s > skor) {
      skor = s;
      terbaik = p;
    }
  }
  return terbaik;
}

function mode(xs: number[]): number {
  const m = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const x of xs) {
    const n = (m.get(x) ?? 0) + 1;
    m.set(x, n);
    if (n > bestN || (n === bestN && x > best)) {
      best = x;
      bestN = n;
    }
  }
  return best;
}

const POTONGAN = 256 * 1024;
/**
 * The most characters one line (or one record, when a quoted cell spans lines) may hold: a row of this book's fields
 * is a few kilobytes. A file of another kind (a log, a binary, a quote never closed) stops here, early and small,
 * instead of being held whole (a 300 MB line took 22 s and 2.4 GB to refuse).
 */
const BATAS_BARIS = 1 << 20;
const terlaluPanjang = (baris: number) => new UserError(pesan.imporBarisTerlaluPanjang(baris, BATAS_BARIS / 2 ** 20));

/** `baca`: bytes `dari` … `sampai` of the file, read again when asked (see pembaca), so `buf` can be let go. */
function bacaCsv(buf: Buffer, sha256: string, berkas: string, baca: (dari: number, sampai: number) => Buffer): Tabel {
  if (biner(buf)) throw new UserError(pesan.imporBukanTeks(berkas));
  const { encoding, bom } = kenaliEncoding(buf);
  const dari = bom ? 3 : 0;
  // UTF-8 and Windows-1252 files are read piece by piece, never held as one string: a million-row file's
  // 50 MB of text alive early makes V8 let its heap grow to four times that before collecting. Their lines,
  // quotes and delimiters are ASCII bytes, so the file's shape is read from a Latin-1 view of the bytes (an
  // external string, outside V8's heap); the delimiter from the decoded start, as decode gives it.
  const bertahap =
    (encoding === 'utf-8' || encoding === 'windows-1252') && !(bom && buf[3] === 0xef && buf[4] === 0xbb);
  let utuh: string | undefined = bertahap ? undefined : decode(buf).teks;
  // past this point the rows are read from the file again, piece by piece: the bytes read whole are let go
  const panjang = buf.length;
  const semua = () => (utuh ??= teksBerkas(baca(dari, panjang), encoding));
  const kerangka = utuh ?? buf.toString('latin1', dari);
  const AWAL = 256 * 1024; // at least the 64 K characters detectDelimiter reads
  const awal = utuh ?? teksBerkas(buf.subarray(dari, Math.min(buf.length, dari + AWAL)), encoding);
  if (awal.trim() === '' && (buf.length - dari <= AWAL || semua().trim() === ''))
    throw new UserError(pesan.imporBerkasKosong(''));
  const pemisah = detectDelimiter(awal);
  // csv-parse's per-record info (line numbers) costs about a second per million rows; it is needed only
  // when a quoted field spans lines, otherwise record k is line k.
  const perluInfo = adaBarisDalamKutip(kerangka, pemisah);
  const total = perluInfo ? semua().length : hitungBaris(kerangka);
  const ujung = perluInfo ? undefined : ujungBaris(kerangka);
  if (ujung === undefined) semua();
  const teksDari = (byte: number): string => utuh ?? teksBerkas(baca(dari + byte, panjang), encoding);
  let posisi = 0;
  async function* rows(): AsyncIterable<BarisMentah[]> {
    const parser = parse({
      delimiter: pemisah,
      relax_column_count: true,
      relax_quotes: true,
      info: perluInfo,
      skip_empty_lines: false,
      max_record_size: BATAS_BARIS,
    });
    let selesai = false;
    let galat: unknown;
    let ada = false;
    let bangun: (() => void) | undefined;
    const sinyal = () => {
      ada = true;
      bangun?.();
    };
    parser.on('readable', sinyal);
    parser.on('end', () => {
      selesai = true;
      sinyal();
    });
    parser.on('error', (e) => {
      galat = e;
      sinyal();
    });
    let akhirSebelumnya = 0;
    let lot: BarisMentah[] = [];
    // the fast path: plain lines split here, piece by piece (each piece ends a line); csv-parse takes
    // over from the first line it must judge
    let teksParser: string | undefined = ujung ? undefined : teksDari(0);
    if (ujung) {
      for (const b of bagianTeks(baca, dari, panjang, ujung, utuh, encoding, () => akhirSebelumnya + 1)) {
        const teks = b.teks;
        let i = 0;
        const akhirTeks = !b.akhir || teks.endsWith(ujung) ? teks.length - ujung.length : teks.length;
        while (i <= akhirTeks) {
          let j = teks.indexOf(ujung, i);
          if (j < 0 || j > akhirTeks) j = akhirTeks;
          if (j - i > BATAS_BARIS) throw terlaluPanjang(akhirSebelumnya + 1);
          const sel = selBaris(teks.slice(i, j), pemisah);
          if (!sel) break;
          lot.push({ baris: ++akhirSebelumnya, sel: tanpaKutipAman(sel) });
          i = j + ujung.length;
          if (lot.length === 2000) {
            posisi = akhirSebelumnya;
            yield lot;
            lot = [];
          }
        }
        if (i <= akhirTeks) {
          const sebelum = teks.slice(0, i);
          teksParser = utuh
            ? utuh.slice(i)
            : teksDari(b.byte + (encoding === 'utf-8' ? Buffer.byteLength(sebelum, 'utf8') : sebelum.length));
          break;
        }
      }
      posisi = akhirSebelumnya;
      if (lot.length) yield lot;
      lot = [];
      if (teksParser === undefined) {
        posisi = total;
        return;
      }
    }
    const barisAwal = akhirSebelumnya;
    if (teksParser === undefined) return;
    Readable.from(
      (function* () {
        for (let k = 0; k < teksParser.length; k += POTONGAN) yield teksParser.slice(k, k + POTONGAN);
      })(),
    ).pipe(parser);
    for (;;) {
      if (perluInfo) {
        let r: { record: string[]; info: { lines: number; bytes: number } } | null;
        while ((r = parser.read()) !== null) {
          posisi = r.info.bytes;
          lot.push({ baris: akhirSebelumnya + 1, sel: tanpaKutipAman(r.record) });
          akhirSebelumnya = barisAwal + r.info.lines;
        }
      } else {
        let r: string[] | null;
        while ((r = parser.read()) !== null) lot.push({ baris: ++akhirSebelumnya, sel: tanpaKutipAman(r) });
        posisi = akhirSebelumnya;
      }
      if (galat) {
        // csv-parse counted lines from where it started
        if (barisAwal && typeof (galat as { lines?: unknown }).lines === 'number')
          (galat as { lines: number }).lines += barisAwal;
        throw galatCsv(galat, utuh ?? teksDari(0), pemisah);
      }
      if (lot.length) {
        yield lot;
        lot = [];
        continue;
      }
      if (selesai) break;
      if (!ada) await new Promise<void>((res) => (bangun = res));
      bangun = undefined;
      ada = false;
    }
    posisi = total;
  }
  return { jenis: 'csv', pemisah, encoding, bom, sha256, total, posisi: () => posisi, rows: rows() };
}

/** The text of a piece of a UTF-8 or Windows-1252 file (past any BOM), as decode gives it. */
function teksBerkas(buf: Buffer, encoding: string): string {
  return encoding === 'utf-8' ? buf.toString('utf8') : decodeCp1252(buf);
}

/** Bytes `dari` … `sampai` of the file, read when asked; a file gone or unreadable meanwhile is said so. */
function pembaca(berkas: string): (dari: number, sampai: number) => Buffer {
  return (dari, sampai) => {
    let fd: number | undefined;
    try {
      fd = fs.openSync(berkas, 'r');
      const b = Buffer.allocUnsafe(Math.max(0, sampai - dari));
      let n = 0;
      for (let r = 1; n < b.length && r > 0; n += r) r = fs.readSync(fd, b, n, b.length - n, dari + n);
      return b.subarray(0, n);
    } catch {
      throw new UserError(pesan.berkasTidakTerbaca(berkas));
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  };
}

const BAGIAN = 1 << 20;

/**
 * The text in pieces of about a megabyte, each ending with a line ending (the last one where the file ends), with
 * the byte where each starts (after `dari`); a file kept whole (`utuh`) is one piece. A line ending's last byte
 * (LF, or CR in a file of CRs) is that character in both encodings, so a piece never splits a character.
 */
function* bagianTeks(
  baca: (dari: number, sampai: number) => Buffer,
  dari: number,
  panjang: number,
  ujung: string,
  utuh: string | undefined,
  encoding: string,
  /** the line the next piece starts with, for a line longer than BATAS_BARIS */
  barisBerikut: () => number,
): Generator<{ teks: string; byte: number; akhir: boolean }> {
  if (utuh !== undefined) {
    yield { teks: utuh, byte: 0, akhir: true };
    return;
  }
  const akhirBaris = ujung.charCodeAt(ujung.length - 1);
  for (let a = dari, lebar = BAGIAN; a < panjang; ) {
    const blok = baca(a, Math.min(panjang, a + lebar));
    const akhir = a + blok.length >= panjang;
    const n = akhir ? blok.length : blok.lastIndexOf(akhirBaris) + 1;
    if (n === 0) {
      if (lebar > BATAS_BARIS) throw terlaluPanjang(barisBerikut());
      lebar *= 2; // a line longer than the piece
      continue;
    }
    yield { teks: teksBerkas(blok.subarray(0, n), encoding), byte: a - dari, akhir: akhir && n === blok.length };
    a += n;
  }
}

/** The cells with the `'` our own exports put before a formula character removed (in place). */
function tanpaKutipAman(sel: string[]): string[] {
  for (let k = 0; k < sel.length; k++) if (sel[k]!.charCodeAt(0) === 39) sel[k] = bacaSelAman(sel[k]!);
  return sel;
}

/** The one line ending a file uses throughout, or undefined when it mixes them (csv-parse then decides). */
export function ujungBaris(teks: string): '\n' | '\r\n' | '\r' | undefined {
  const cr = teks.indexOf('\r');
  if (cr < 0) return '\n';
  const lf = teks.indexOf('\n');
  if (lf < 0) return '\r';
  let nCr = 0;
  let nLf = 0;
  let nCrLf = 0;
  for (let i = cr; i >= 0; i = teks.indexOf('\r', i + 1)) {
    nCr++;
    if (teks.charCodeAt(i + 1) === 10) nCrLf++;
  }
  for (let i = lf; i >= 0; i = teks.indexOf('\n', i + 1)) nLf++;
  return nCr === nCrLf && nLf === nCrLf ? '\r\n' : undefined;
}

/**
 * One line's cells as csv-parse (relax_quotes, relax_column_count) reads them, for the lines that
 * are plain: unquoted cells (a quote inside one is kept) and quoted cells closed before a delimiter
 * or the end of the line. Anything else gives undefined and is left to csv-parse.
 */
export function selBaris(baris: string, p: string): string[] | undefined {
  if (!baris.includes('"')) return baris.split(p);
  const sel: string[] = [];
  const n = baris.length;
  let i = 0;
  for (;;) {
    if (baris.charCodeAt(i) === 34) {
      let isi = '';
      let j = i + 1;
      for (;;) {
        const q = baris.indexOf('"', j);
        if (q < 0) return undefined;
        if (baris.charCodeAt(q + 1) === 34) {
          isi += baris.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        isi += baris.slice(j, q);
        i = q + 1;
        break;
      }
      sel.push(isi);
      if (i === n) return sel;
      if (baris[i] !== p) return undefined;
      i++;
    } else {
      const d = baris.indexOf(p, i);
      if (d < 0) {
        sel.push(baris.slice(i));
        return sel;
      }
      sel.push(baris.slice(i, d));
      i = d + 1;
    }
    if (i === n) {
      sel.push('');
      return sel;
    }
  }
}

/** Whether a quoted field (a quote at the start of a field) contains a line break. */
export function adaBarisDalamKutip(teks: string, pemisah: string): boolean {
  let i = teks.indexOf('"');
  while (i >= 0) {
    const sebelum = i === 0 ? '\n' : teks[i - 1];
    if (sebelum === pemisah || sebelum === '\n' || sebelum === '\r') {
      // find the closing quote, skipping doubled quotes
      let j = i + 1;
      for (;;) {
        j = teks.indexOf('"', j);
        if (j < 0) return true; // never closed: let the parser report it with line numbers
        if (teks[j + 1] === '"') j += 2;
        else break;
      }
      const isi = teks.slice(i + 1, j);
      if (isi.includes('\n') || isi.includes('\r')) return true;
      i = teks.indexOf('"', j + 1);
    } else i = teks.indexOf('"', i + 1);
  }
  return false;
}

function hitungBaris(teks: string): number {
  const pemisahBaris = teks.includes('\n') ? '\n' : '\r';
  let n = 1;
  for (let i = teks.indexOf(pemisahBaris); i >= 0; i = teks.indexOf(pemisahBaris, i + 1)) n++;
  return n;
}

function galatCsv(err: unknown, teks: string, pemisah: string): unknown {
  const code = (err as { code?: string }).code;
  const baris = (err as { lines?: number }).lines ?? 0;
  if (code === 'CSV_QUOTE_NOT_CLOSED')
    return new UserError(pesan.imporKutipTerbuka(barisKutipTerbuka(teks, pemisah) ?? baris));
  // a record that long is most often a quote never closed: its line, when the file ends inside one
  if (code === 'CSV_MAX_RECORD_SIZE') return terlaluPanjang(barisKutipTerbuka(teks, pemisah) ?? baris);
  if (typeof code === 'string' && code.startsWith('CSV_'))
    // csv-parse's own sentence is English: the line is what the treasurer needs
    return new UserError(pesan.imporCsvRusak(baris));
  return err;
}

/**
 * The line where the quote that is never closed was opened (a quote opens only at the start of a field); undefined
 * when every quote closes.
 */
export function barisKutipTerbuka(teks: string, pemisah: string): number | undefined {
  let baris = 1;
  let dalam = false;
  let buka = 1;
  let awalSel = true;
  for (let i = 0; i < teks.length; i++) {
    const c = teks[i]!;
    if (dalam) {
      if (c === '"') {
        if (teks[i + 1] === '"') i++;
        else dalam = false;
      } else if (c === '\n') baris++;
      continue;
    }
    if (c === '"' && awalSel) {
      dalam = true;
      buka = baris;
    } else if (c === '\n') baris++;
    awalSel = c === pemisah || c === '\n' || c === '\r';
  }
  return dalam ? buka : undefined;
}

async function bacaXlsx(buf: Buffer, sha256: string, berkas: string): Promise<Tabel> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs inflates whatever the zip holds and keeps it all: a member past its stated size, or more than it can
    // hold in a laptop's memory, is refused first
    periksaUkuranZip(buf, BATAS_EXCELJS);
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    if (e instanceof ZipTerlaluBesar) throw new UserError(pesan.imporXlsxTerlaluBesar(berkas, e.batas / 2 ** 20));
    // the library's own words (English, about zips and XML) help no treasurer: the file is named instead
    throw new UserError(pesan.imporXlsxRusak(berkas));
  }
  const ws = wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0];
  const total = ws?.rowCount ?? 0;
  let posisi = 0;
  async function* rows(): AsyncIterable<BarisMentah[]> {
    if (!ws) return;
    let lot: BarisMentah[] = [];
    for (let i = 1; i <= ws.rowCount; i++) {
      posisi = i;
      const row = ws.getRow(i);
      const sel: Sel[] = [];
      for (let c = 1; c <= row.cellCount; c++) sel.push(nilaiSel(row.getCell(c).value));
      lot.push({ baris: i, sel });
      if (lot.length === 1000) {
        yield lot;
        lot = [];
      }
    }
    if (lot.length) yield lot;
  }
  return {
    jenis: 'xlsx',
    pemisah: ';',
    encoding: 'xlsx',
    bom: false,
    sha256,
    total,
    posisi: () => posisi,
    rows: rows(),
  };
}

/** An exceljs cell value as text or number: formulas give their result, rich text its text, dates ISO. */
function nilaiSel(v: unknown): Sel {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'ya' : 'tidak';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if ('result' in o) return nilaiSel(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('text' in o) return nilaiSel(o.text);
    if (o.error) return '';
  }
  return String(v);
}
