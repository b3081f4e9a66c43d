import { pathToFileURL } from 'node:url';

/**
 * Runs a command-line entry point when its module is the one Node was started with (not when a
 * test imports it): the exit code is what `main` resolves to, 1 with the error printed if it throws.
 */
export function runMain(moduleUrl: string, main: () => Promise<number>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
