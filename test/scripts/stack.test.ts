import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startCollector } from '../../scripts/stack.ts';
import { tempDir } from '../helpers/temp.js';

const tmp = tempDir();

it('a Collector that cannot start is reported by name, with its log, instead of hanging', async () => {
  const bad = join(tmp.dir, 'bad.yaml');
  writeFileSync(bad, 'receivers:\n  otlp:\n    protocols:\n      http:\n        endpoint: 127.0.0.1:notaport\nservice:\n  pipelines: {}\n');
  await expect(startCollector(join(tmp.dir, 'c'), { configFiles: [bad] })).rejects.toThrow(/otel collector exited with code \d+ while waiting for the Collector health check/);
}, 120_000);
