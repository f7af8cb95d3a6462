// Errors the program expects, with the exit code each one means; the CLI's top-level catch prints them.

/** Bad input or usage: exit 2, nothing written. `isian` names the option the input was given for. */
export class UserError extends Error {
  readonly exitCode = 2;
  isian?: string;
  constructor(message: string, isian?: string) {
    super(message);
    this.name = 'UserError';
    if (isian !== undefined) this.isian = isian;
  }
}

/** A rule of the ledger or the state of the file prevents the command: exit 1. */
export class LedgerError extends Error {
  readonly exitCode: number = 1;
  isian?: string;
  constructor(message: string, isian?: string) {
    super(message);
    this.name = 'LedgerError';
    if (isian !== undefined) this.isian = isian;
  }
}

/** The error with the field it was raised for, unless it already names one (the innermost knows best). */
export function denganIsian<E>(err: E, isian: string): E {
  if ((err instanceof UserError || err instanceof LedgerError) && err.isian === undefined) err.isian = isian;
  return err;
}

/** A ledger rule broken by what the user typed (overspending, closed quarter): exit 2. */
export class RuleError extends LedgerError {
  override readonly exitCode = 2;
}
