import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import { Scrubber } from '../redaction/scrubber.js';

export const REDACT_HELP = `Usage: optel redact [--stats]

Reads text on standard input and prints each line as optel would export it:
one line out for every line in, with personal data and secrets replaced by
[REDACTED:<detector>] markers.

  --stats   after the text, print to stderr how many values each detector redacted
`;

/**
 * Streams chunk by chunk: each chunk's complete lines are scrubbed and written with one write, so
 * endless input works (`tail -f app.log | optel redact`) and large input is not one syscall per line.
 */
export async function redact(input: Readable, output: Writable, errors: Writable, args: readonly string[]): Promise<number> {
  const stats = args.includes('--stats');
  const unknown = args.filter((a) => a !== '--stats');
  if (unknown.length > 0) {
    errors.write(`optel redact: unknown argument ${JSON.stringify(unknown[0])}\n\n${REDACT_HELP}`);
    return 2;
  }
  const counts = new Map<string, number>();
  const scrubber = new Scrubber({ cacheSize: 0, onRedaction: (d, n) => counts.set(d, (counts.get(d) ?? 0) + n) });
  const decoder = new StringDecoder('utf8'); // a character split across chunks is kept whole
  const scrubLine = (line: string): string => scrubber.scrubText(line.endsWith('\r') ? line.slice(0, -1) : line);
  let partial = '';
  for await (const chunk of input) {
    const lines = (partial + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer))).split('\n');
    partial = lines.pop() as string;
    if (lines.length === 0) continue;
    let out = '';
    for (const line of lines) out += `${scrubLine(line)}\n`;
    if (!output.write(out)) await new Promise((r) => output.once('drain', r));
  }
  partial += decoder.end();
  if (partial.length > 0) output.write(`${scrubLine(partial)}\n`);
  if (stats) for (const [d, n] of [...counts].sort()) errors.write(`${d}\t${n}\n`);
  return 0;
}
