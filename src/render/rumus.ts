// A small evaluator for the formulas a report template holds (+ − × ÷, SUM/MIN/MAX/COUNT/ROUND over
// cells and ranges of the same sheet), so the filled workbook carries cached values: exceljs does
// not calculate. Anything it does not understand yields undefined and the formula is written
// without a cached value (spreadsheet programs still compute it when they open the file).
import { kolomKeAngka } from './a1.js';

export type Pembaca = (baris: number, kolom: number) => number | string | undefined;

type Token = { t: 'angka'; v: number } | { t: 'ref'; b1: number; k1: number; b2: number; k2: number } | { t: 'fungsi'; v: string } | { t: 'op'; v: string };

class TakDikenal extends Error {}

function tokens(rumus: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![\w(])|([A-Z][A-Z0-9.]*)\s*\(|([-+*/(),]))/y;
  let i = 0;
  const s = rumus.replace(/^=/, '');
  while (i < s.length) {
    if (/^\s+$/.test(s.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new TakDikenal(s.slice(i));
    i = re.lastIndex;
    if (m[1] !== undefined) out.push({ t: 'angka', v: Number(m[1]) });
    else if (m[2] !== undefined) {
      const a = sel(m[2]);
      const b = m[3] ? sel(m[3]) : a;
      out.push({ t: 'ref', b1: Math.min(a.b, b.b), k1: Math.min(a.k, b.k), b2: Math.max(a.b, b.b), k2: Math.max(a.k, b.k) });
    } else if (m[4] !== undefined) {
      out.push({ t: 'fungsi', v: m[4] });
      out.push({ t: 'op', v: '(' });
    } else out.push({ t: 'op', v: m[5]! });
  }
  return out;
}

function sel(a: string): { b: number; k: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a)!;
  return { k: kolomKeAngka(m[1]!), b: Number(m[2]) };
}

/** The value of `rumus` with cells read through `baca`, or undefined when it cannot tell. */
export function hitungRumus(rumus: string, baca: Pembaca): number | undefined {
  try {
    const ts = tokens(rumus);
    let p = 0;
    const lihat = () => ts[p];
    const ambil = () => ts[p++];
    const angka = (v: number | string | undefined): number => {
      if (v === undefined || v === '') return 0;
      if (typeof v === 'number') return v;
      throw new TakDikenal('teks dalam hitungan');
    };
    const nilaiRentang = (r: Extract<Token, { t: 'ref' }>): (number | string | undefined)[] => {
      const vs = [];
      for (let b = r.b1; b <= r.b2; b++) for (let k = r.k1; k <= r.k2; k++) vs.push(baca(b, k));
      return vs;
    };
    const argumen = (): (number | string | undefined)[] => {
      const vs: (number | string | undefined)[] = [];
      if (lihat()?.t === 'op' && (lihat() as { v: string }).v === ')') {
        ambil();
        return vs;
      }
      for (;;) {
        const tk = lihat();
        const sesudah = ts[p + 1];
        if (tk?.t === 'ref' && sesudah?.t === 'op' && (sesudah.v === ',' || sesudah.v === ')')) {
          ambil();
          vs.push(...nilaiRentang(tk));
        } else vs.push(jumlah());
        const sep = ambil();
        if (sep?.t !== 'op') throw new TakDikenal('argumen');
        if (sep.v === ')') return vs;
        if (sep.v !== ',') throw new TakDikenal('argumen');
      }
    };
    const faktor = (): number => {
      const tk = ambil();
      if (!tk) throw new TakDikenal('akhir rumus');
      if (tk.t === 'angka') return tk.v;
      if (tk.t === 'op' && tk.v === '-') return -faktor();
      if (tk.t === 'op' && tk.v === '+') return faktor();
      if (tk.t === 'op' && tk.v === '(') {
        const v = jumlah();
        const tutup = ambil();
        if (tutup?.t !== 'op' || tutup.v !== ')') throw new TakDikenal('kurung');
        return v;
      }
      if (tk.t === 'ref') {
        if (tk.b1 !== tk.b2 || tk.k1 !== tk.k2) throw new TakDikenal('rentang di luar fungsi');
        return angka(baca(tk.b1, tk.k1));
      }
      if (tk.t === 'fungsi') {
        ambil(); // (
        const vs = argumen();
        const ns = vs.filter((v): v is number => typeof v === 'number');
        switch (tk.v) {
          case 'SUM':
            return ns.reduce((a, b) => a + b, 0);
          case 'MIN':
            return ns.length ? Math.min(...ns) : 0;
          case 'MAX':
            return ns.length ? Math.max(...ns) : 0;
          case 'COUNT':
            return ns.length;
          case 'ROUND': {
            const [x, d] = vs.map(angka);
            const f = 10 ** (d ?? 0);
            return Math.round(x! * f) / f;
          }
          default:
            throw new TakDikenal(tk.v);
        }
      }
      throw new TakDikenal('token');
    };
    const kali = (): number => {
      let v = faktor();
      for (let tk = lihat(); tk?.t === 'op' && (tk.v === '*' || tk.v === '/'); tk = lihat()) {
        ambil();
        const w = faktor();
        v = tk.v === '*' ? v * w : v / w;
      }
      return v;
    };
    const jumlah = (): number => {
      let v = kali();
      for (let tk = lihat(); tk?.t === 'op' && (tk.v === '+' || tk.v === '-'); tk = lihat()) {
        ambil();
        const w = kali();
        v = tk.v === '+' ? v + w : v - w;
      }
      return v;
    };
    const v = jumlah();
    if (p !== ts.length || !Number.isFinite(v)) return undefined;
    return v;
  } catch (err) {
    if (err instanceof TakDikenal) return undefined;
    throw err;
  }
}
