#!/usr/bin/env node
import { REDACT_HELP, redact } from './redact.js';
import { VERSION } from '../version.js';

const HELP = `Usage: optel <command> [options]

Commands:
  redact     print standard input as optel would export it (personal data and secrets removed)

Options:
  --help     show help (also: optel <command> --help)
  --version  print the version

Exit codes: 0 success, 1 failure, 2 bad usage.
`;

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  switch (command) {
    case 'redact':
      if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(REDACT_HELP);
        return 0;
      }
      return redact(process.stdin, process.stdout, process.stderr, rest);
    default:
      process.stderr.write(`optel: unknown command ${JSON.stringify(command)}\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`optel: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
