import { reportError } from '../diag.js';

/** What the running SDK offers the end of the process. */
export interface ExitHooks {
  /** Moves what the SDK holds into the outbox and delivers what it can. */
  flush(): Promise<void>;
  /** Writes what is still waiting to disk, synchronously. */
  persistSync(): void;
  /** Stops waiting for requests in flight, so no open socket holds the process past the grace. */
  abort(): void;
}

/** How long the end of the process may wait for a last delivery before what is left goes to disk. */
const EXIT_GRACE_MS = 500;

type Signal = 'SIGTERM' | 'SIGINT';

/**
 * Keeps what an app recorded when its process ends without shutdown():
 * - the event loop runs empty (`beforeExit`): one last flush, for at most EXIT_GRACE_MS;
 * - SIGTERM or SIGINT: the same; if optel's is the only handler (Node's default would have ended
 *   the process at once), the signal is raised again afterwards, so the app still ends as it would;
 * - `exit`, however it comes (process.exit(), a crash): whatever waits is written to disk.
 * The next start delivers what was written. Returns the function that removes the handlers.
 */
export function keepRecordsAtExit(hooks: ExitHooks, graceMs = EXIT_GRACE_MS): () => void {
  let lastFlush: Promise<void> | undefined;
  const flushWithin = (): Promise<void> => {
    lastFlush ??= new Promise<void>((resolve) => {
      // A referenced timer keeps the process alive for the grace period, and no longer: then
      // requests in flight are abandoned (their entries stay in the outbox, for disk).
      const timer = setTimeout(() => {
        hooks.abort();
        resolve();
      }, graceMs);
      hooks
        .flush()
        .catch((error) => reportError('flushing at exit', error))
        .finally(() => {
          clearTimeout(timer);
          resolve();
        });
    });
    return lastFlush;
  };
  const persist = () => {
    try {
      hooks.persistSync();
    } catch (error) {
      reportError('keeping telemetry at exit', error);
    }
  };
  const onBeforeExit = () => {
    if (lastFlush) return; // beforeExit comes again once the flush is done
    void flushWithin().then(persist);
  };
  const onSignal = (signal: Signal) => {
    const alone = process.listenerCount(signal) === 1;
    void flushWithin().then(() => {
      persist();
      if (!alone) return; // the app handles this signal itself
      remove();
      process.kill(process.pid, signal);
    });
  };
  const onTerm = () => onSignal('SIGTERM');
  const onInt = () => onSignal('SIGINT');
  process.on('beforeExit', onBeforeExit);
  process.on('exit', persist);
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  const remove = () => {
    process.removeListener('beforeExit', onBeforeExit);
    process.removeListener('exit', persist);
    process.removeListener('SIGTERM', onTerm);
    process.removeListener('SIGINT', onInt);
  };
  return remove;
}
