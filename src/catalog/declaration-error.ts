/**
 * A catalog declaration that is not valid: where (`catalog.strategy.metrics.created.kind`), what
 * was given and what is accepted. The catalog knows nothing of register()'s options: the config
 * turns this into the OptelConfigError the app sees; generators print it as it is.
 */
export class CatalogDeclarationError extends Error {
  override readonly name = 'CatalogDeclarationError';

  constructor(
    readonly option: string,
    readonly value: unknown,
    readonly accepted: string,
  ) {
    super(`invalid catalog declaration "${option}": expected ${accepted}`);
  }
}
