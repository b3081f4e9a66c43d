/**
 * The one error optel throws into the host app: bad configuration given to `register()`.
 * Everything after `register()` reports through OTel's diag logger instead.
 */
export class OptelConfigError extends Error {
  override readonly name = 'OptelConfigError';

  constructor(
    /** The option, as the app spells it (`exportIntervalMs`, `catalog.strategy.metrics.created.kind`, `OPTEL_EXPORTER`). */
    readonly option: string,
    /** The value that was given, rendered for the message. */
    readonly value: unknown,
    /** What is accepted, in words. */
    readonly accepted: string,
  ) {
    super(`optel: invalid option "${option}": got ${render(value)}; expected ${accepted}`);
  }
}

function render(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}
