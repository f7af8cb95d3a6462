// Errors the program expects; the top-level catch maps them to exit codes and one-line messages.

/** Bad input or usage: exit 2, nothing written. */
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A rule of the ledger or the state of the file prevents the command: exit 1. */
export class LedgerError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** A ledger rule broken by what the user typed (overspending, closed quarter): exit 2. */
export class RuleError extends LedgerError {
  override readonly exitCode = 2;
}

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
  return typeof err === 'object' && err !== null && typeof (err as CommanderLike).code === 'string' && (err as CommanderLike).code.startsWith('commander.');
}
