// An Io that collects what an in-process command writes, for tests of interactive flows.
import { Chalk } from 'chalk';

export function bufferIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), color: new Chalk({ level: 0 }) },
  };
}
