// A small evaluator for the formulas a report template holds (+ − × ÷, SUM/MIN/MAX/COUNT/ROUND over
// cells and ranges of the same sheet), so the filled workbook carries cached values: exceljs does
// not calculate. Anything it does not understand yields undefined and the formula is written
// without a cached value (spreadsheet programs still compute it when they open the file).
import { kolomKeAngka } from './a1.js';

export type Pembaca = (baris: number, kolom: number) => number | string | undefined;

type Token =
  | { t: 'angka'; v: number }
  | { t: 'ref'; b1: number; k1: number; b2: number; k2: number }
  | { t: 'fungsi'; v: string }
  | { t: 'op'; v: string };

class TakDikenal extends Error {}

function tokens(rumus: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(
    String.raw`\s*(?:(\d+(?:\.\d+)?)|(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![\w(])` +
      String.raw`|([A-Z][A-Z0-9.]*)\s*\(|([-+*/(),]))`,
    'y',
  );
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
      out.push({
        t: 'ref',
        b1: Math.min(a.b, b.b),
        k1: Math.min(a.k, b.k),
        b2: Math.max(a.b, b.b),
        k2: Math.max(a.k, b.k),
      });
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
  let ts: Token[];
  try {
    ts = tokens(rumus);
  } catch (err) {
    if (err instanceof TakDikenal) return undefined;
    throw err;
  }
  return hitungToken(ts, baca);
}

/**
 * The same formula on every row of a list (`rumus0` on its first row, `rumus1` on the next): tokenized
 * once, each row's value computed with its references moved. Null when the two differ otherwise.
 */
export function polaHitung(rumus0: string, rumus1: string): ((i: number, baca: Pembaca) => number | undefined) | null {
  let t0: Token[];
  let t1: Token[];
  try {
    [t0, t1] = [tokens(rumus0), tokens(rumus1)];
  } catch (err) {
    if (err instanceof TakDikenal) return null;
    throw err;
  }
  if (t0.length !== t1.length) return null;
  const geser: number[] = [];
  for (const [k, a] of t0.entries()) {
    const b = t1[k]!;
    if (a.t !== b.t) return null;
    if (a.t !== 'ref') {
      if ((a as { v: unknown }).v !== (b as { v: unknown }).v) return null;
      continue;
    }
    const r = b as Ref;
    if (a.k1 !== r.k1 || a.k2 !== r.k2 || r.b1 - a.b1 !== r.b2 - a.b2) return null;
    geser[k] = r.b1 - a.b1;
  }
  return (i, baca) => {
    const ts = t0.map((t, k) => (t.t === 'ref' ? { ...t, b1: t.b1 + geser[k]! * i, b2: t.b2 + geser[k]! * i } : t));
    return hitungToken(ts, baca);
  };
}

function hitungToken(ts: Token[], baca: Pembaca): number | undefined {
  try {
    const p = new Pengurai(ts, baca);
    const v = p.jumlah();
    if (!p.habis() || !Number.isFinite(v)) return undefined;
    return v;
  } catch (err) {
    if (err instanceof TakDikenal) return undefined;
    throw err;
  }
}

type Nilai = number | string | undefined;
type Ref = Extract<Token, { t: 'ref' }>;

const FUNGSI: Record<string, (vs: Nilai[]) => number> = {
  SUM: (vs) => angkaSaja(vs).reduce((a, b) => a + b, 0),
  MIN: (vs) => (angkaSaja(vs).length ? Math.min(...angkaSaja(vs)) : 0),
  MAX: (vs) => (angkaSaja(vs).length ? Math.max(...angkaSaja(vs)) : 0),
  COUNT: (vs) => angkaSaja(vs).length,
  ROUND: (vs) => {
    const [x, d] = vs.map(angka);
    const f = 10 ** (d ?? 0);
    return Math.round(x! * f) / f;
  },
};

function angkaSaja(vs: Nilai[]): number[] {
  return vs.filter((v): v is number => typeof v === 'number');
}

/** An empty cell counts as 0 in arithmetic; text does not count at all. */
function angka(v: Nilai): number {
  if (v === undefined || v === '') return 0;
  if (typeof v === 'number') return v;
  throw new TakDikenal('teks dalam hitungan');
}

/** Recursive descent over the tokens: jumlah (+ −) → kali (× ÷) → faktor. */
class Pengurai {
  private p = 0;

  constructor(
    private readonly ts: Token[],
    private readonly baca: Pembaca,
  ) {}

  habis(): boolean {
    return this.p === this.ts.length;
  }

  private lihat(): Token | undefined {
    return this.ts[this.p];
  }

  private ambil(): Token | undefined {
    return this.ts[this.p++];
  }

  jumlah(): number {
    let v = this.kali();
    for (let tk = this.lihat(); tk?.t === 'op' && (tk.v === '+' || tk.v === '-'); tk = this.lihat()) {
      this.ambil();
      const w = this.kali();
      v = tk.v === '+' ? v + w : v - w;
    }
    return v;
  }

  private kali(): number {
    let v = this.faktor();
    for (let tk = this.lihat(); tk?.t === 'op' && (tk.v === '*' || tk.v === '/'); tk = this.lihat()) {
      this.ambil();
      const w = this.faktor();
      v = tk.v === '*' ? v * w : v / w;
    }
    return v;
  }

  private faktor(): number {
    const tk = this.ambil();
    if (!tk) throw new TakDikenal('akhir rumus');
    if (tk.t === 'angka') return tk.v;
    if (tk.t === 'op' && tk.v === '-') return -this.faktor();
    if (tk.t === 'op' && tk.v === '+') return this.faktor();
    if (tk.t === 'op' && tk.v === '(') {
      const v = this.jumlah();
      const tutup = this.ambil();
      if (tutup?.t !== 'op' || tutup.v !== ')') throw new TakDikenal('kurung');
      return v;
    }
    if (tk.t === 'ref') {
      if (tk.b1 !== tk.b2 || tk.k1 !== tk.k2) throw new TakDikenal('rentang di luar fungsi');
      return angka(this.baca(tk.b1, tk.k1));
    }
    if (tk.t === 'fungsi') {
      this.ambil(); // (
      const f = Object.hasOwn(FUNGSI, tk.v) ? FUNGSI[tk.v] : undefined;
      const vs = this.argumen();
      if (!f) throw new TakDikenal(tk.v);
      return f(vs);
    }
    throw new TakDikenal('token');
  }

  /** A function's arguments up to its closing bracket; a bare range gives every cell in it. */
  private argumen(): Nilai[] {
    const vs: Nilai[] = [];
    const awal = this.lihat();
    if (awal?.t === 'op' && awal.v === ')') {
      this.ambil();
      return vs;
    }
    for (;;) {
      const tk = this.lihat();
      const sesudah = this.ts[this.p + 1];
      if (tk?.t === 'ref' && sesudah?.t === 'op' && (sesudah.v === ',' || sesudah.v === ')')) {
        this.ambil();
        vs.push(...this.rentang(tk));
      } else vs.push(this.jumlah());
      const sep = this.ambil();
      if (sep?.t !== 'op') throw new TakDikenal('argumen');
      if (sep.v === ')') return vs;
      if (sep.v !== ',') throw new TakDikenal('argumen');
    }
  }

  private rentang(r: Ref): Nilai[] {
    const vs: Nilai[] = [];
    for (let b = r.b1; b <= r.b2; b++) for (let k = r.k1; k <= r.k2; k++) vs.push(this.baca(b, k));
    return vs;
  }
}
