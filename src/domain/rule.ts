// The answer of a named rule. A prompt shows `pesan` the moment one answer breaks the rule; the
// write path throws `error`, so a refusal has the same words and exit code wherever it is found.
import type { LedgerError, UserError } from './errors.js';

export type RuleResult<T = void> =
  | { ok: true; value: T }
  | { ok: false; error: UserError | LedgerError; pesan: string };

/** The rule holds and has nothing to hand back. */
export const OK: RuleResult = Object.freeze({ ok: true as const, value: undefined });

export function pass<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

export function refuse(error: UserError | LedgerError): RuleResult<never> {
  return { ok: false, error, pesan: error.message };
}

/** The value of a rule that held, or its error thrown: how a write path applies a rule. */
export function enforce<T>(r: RuleResult<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}
