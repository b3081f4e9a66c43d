import { describe, expect, it } from 'vitest';
import { optel as run } from '../helpers/run.js';

const optel = (args: string[], input: string) => run(args, { input });

describe('optel redact', () => {
  it('prints one line out per line in, as optel would export it', async () => {
    const input = ['user bob@example.com logged in', 'GET /api/orders/:id 200 12ms', '', 'Authorization: Bearer abcdefghijklmnop0123456789', 'v1.2.3 on 2026-11-22'].join('\n');
    const r = await optel(['redact'], `${input}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('user [REDACTED:email] logged in');
    expect(lines[1]).toBe('GET /api/orders/:id 200 12ms');
    expect(lines[2]).toBe('');
    expect(lines[3]).not.toContain('abcdefghijklmnop0123456789');
    expect(lines[4]).toBe('v1.2.3 on 2026-11-22');
  });

  it('--stats reports counts per detector on stderr', async () => {
    const r = await optel(['redact', '--stats'], 'a@example.com b@example.com\n');
    expect(r.stderr).toBe('email\t2\n');
  });

  it('rejects unknown arguments with exit code 2 and usage', async () => {
    const r = await optel(['redact', '--frobnicate'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown argument "--frobnicate"');
    expect(r.stderr).toContain('Usage: optel redact');
  });

  it('unknown commands exit 2; --help and --version exit 0', async () => {
    expect((await optel(['nope'], '')).code).toBe(2);
    expect((await optel(['--help'], '')).stdout).toContain('For users of an app that uses optel:');
    expect((await optel(['--version'], '')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
