import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunResult {
  /** The exit code; 1 when the process was killed or could not start. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** The whole environment of the child (nothing is inherited but PATH). */
  readonly env?: Record<string, string>;
  readonly input?: string;
  readonly timeoutMs?: number;
}

/**
 * Runs `node <args>` from the repository root, asynchronously on purpose: receivers that run in
 * the test's own process must keep answering while the child runs.
 */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [...args], { cwd: ROOT, encoding: 'utf8', timeout: options.timeoutMs ?? 60_000, env: { PATH: process.env.PATH ?? '', ...options.env } }, (error, stdout, stderr) => {
      const code = error ? (error as { code?: unknown }).code : 0;
      resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** The built `optel` command, as users run it. */
export function optel(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runNode(['dist/bundle/cli.js', ...args], options);
}
