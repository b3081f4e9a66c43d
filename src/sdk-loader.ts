import { createRequire } from 'node:module';
import type * as SdkModule from './sdk.js';

type Sdk = typeof SdkModule;

// The SDK (exporters, instrumentation, providers) is loaded on the first grant of consent, not at
// import: an app whose users said no does not pay its start-up time and memory. Synchronous
// require() of an ES module is available on every Node line optel supports.
const requireModule = createRequire(import.meta.url);
let loaded: Sdk | undefined;

export function loadSdk(): Sdk {
  return (loaded ??= requireModule('./sdk.js') as Sdk);
}

/**
 * For runners that compile TypeScript in memory (vitest), where require() cannot see ./sdk.js:
 * hand over the module they compiled. The built package never needs this.
 */
export function provideSdk(module: Sdk): void {
  loaded = module;
}
