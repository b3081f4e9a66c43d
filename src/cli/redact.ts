import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { Scrubber } from '../redaction/scrubber.js';

export const REDACT_HELP = `Usage: optel redact [--stats]

Reads text on standard input and prints each line as optel would export it:
one line out for every line in, with personal data and secrets replaced by
[REDACTED:<detector>] markers.

  --stats   after the text, print to stderr how many values each detector redacted
`;

/** Streams line by line, so it works on endless input (`tail -f app.log | optel redact`). */
export async function redact(input: Readable, output: Writable, errors: Writable, args: readonly string[]): Promise<number> {
  const stats = args.includes('--stats');
  const unknown = args.filter((a) => a !== '--stats');
  if (unknown.length > 0) {
    errors.write(`optel redact: unknown argument ${JSON.stringify(unknown[0])}\n\n${REDACT_HELP}`);
    return 2;
  }
  const counts = new Map<string, number>();
  const scrubber = new Scrubber({ onRedaction: (d, n) => counts.set(d, (counts.get(d) ?? 0) + n) });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!output.write(`${scrubber.scrubText(line)}\n`)) await new Promise((r) => output.once('drain', r));
  }
  if (stats) for (const [d, n] of [...counts].sort()) errors.write(`${d}\t${n}\n`);
  return 0;
}
