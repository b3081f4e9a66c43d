/** Builds (or reuses from the cache) the Collector distribution; resolves to the binary's path. */
export function ensureCollector(): Promise<string>;
