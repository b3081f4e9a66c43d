// vitest compiles src/ in memory, where the lazy require('./sdk.js') of src/sdk-loader.ts finds no
// file: give it the module vitest compiled. Tests that run the built package (child processes,
// end-to-end, bench) exercise the real lazy require.
import * as sdk from '../../src/sdk.js';
import { provideSdk } from '../../src/sdk-loader.js';

provideSdk(sdk);
