// The package's entry points as bundles (dist/bundle/), built from tsc's output in dist/: one
// module per entry instead of about fifty, because an app pays for every module it loads at start-up
// and optel's own were most of what it added with consent off. The SDK half (sdk.js) stays a separate
// entry that register() requires on the first grant; shared code goes to chunks beside the entries,
// so both halves use one copy of every module. Dependencies stay external, loaded from node_modules.
export default {
  input: {
    index: 'dist/index.js',
    'register-hook': 'dist/register-hook.js',
    sdk: 'dist/sdk.js',
    cli: 'dist/cli/main.js',
  },
  platform: 'node',
  external: [/^node:/, /^@opentelemetry\//],
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    // Chunks sit beside the entries: sdk-loader requires './sdk.js' relative to its own file.
    chunkFileNames: 'chunk-[name].js',
    sourcemap: true,
  },
};
