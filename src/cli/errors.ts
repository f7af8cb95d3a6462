// Exit codes: the domain's errors carry their own; commander's usage errors are exit 2.
import { LedgerError, UserError } from '../domain/errors.js';

export function exitCodeOf(err: unknown): number {
  if (err instanceof UserError || err instanceof LedgerError) return err.exitCode;
  if (isCommanderError(err)) return err.exitCode === 0 ? 0 : 2;
  return 1;
}

interface CommanderLike {
  code: string;
  exitCode: number;
}

export function isCommanderError(err: unknown): err is CommanderLike & Error {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as CommanderLike).code === 'string' &&
    (err as CommanderLike).code.startsWith('commander.')
  );
}
