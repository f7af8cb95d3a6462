// Errors the program expects, with the exit code each one means; the CLI's top-level catch prints them.

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
