import { afterEach, beforeEach } from 'vitest';
import { OtlpReceiver } from './otlp-receiver.js';
import { tempDir } from './temp.js';

/** Per test: a fresh loopback OTLP receiver and private directory, and the handle to shut down afterwards. */
export interface LoopbackSession {
  receiver: OtlpReceiver;
  tmp: ReturnType<typeof tempDir>;
  /** Set to what the test registered: it is shut down after the test, before the receiver stops. */
  telemetry: { shutdown(): Promise<void> } | undefined;
}

export function useLoopbackSession(): LoopbackSession {
  const session = { telemetry: undefined } as LoopbackSession;
  beforeEach(async () => {
    session.receiver = new OtlpReceiver();
    await session.receiver.start();
    session.tmp = tempDir();
  });
  afterEach(async () => {
    await session.telemetry?.shutdown();
    session.telemetry = undefined;
    await session.receiver.stop();
    session.tmp.cleanup();
  });
  return session;
}
