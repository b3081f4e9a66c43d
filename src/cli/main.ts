#!/usr/bin/env node
import { catalogCommand, consentCommand, deleteCommand, exportCommand, HELP, type Io, showCommand } from './commands.js';
import { OperationError, UsageError } from './context.js';
import { REDACT_HELP, redact } from './redact.js';
import { VERSION } from '../version.js';

const USAGE = `Usage: optel <command> [options]

For users of an app that uses optel:
  consent status|grant|revoke [category...]   see or change what the app may collect
  show                                        what was sent recently, exactly as it left
  export                                      everything kept locally about you, as JSON
  delete                                      delete it all, and ask the backend to delete too

For developers:
  catalog    every declared category and metric (the "what we collect" document)
  redact     print standard input as optel would export it

Options: --help (also after a command), --version
Exit codes: 0 success, 1 the operation failed, 2 bad usage.
`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    io.out.write(`${VERSION}\n`);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    const help = command === 'redact' ? REDACT_HELP : HELP[command];
    if (help !== undefined) {
      io.out.write(help.endsWith('\n') ? help : `${help}\n`);
      return 0;
    }
  }
  try {
    switch (command) {
      case 'redact':
        return await redact(process.stdin, io.out, io.err, rest);
      case 'consent':
      case 'show':
      case 'export':
      case 'delete':
      case 'catalog':
        if (command === 'consent') return await consentCommand(rest, io);
        if (command === 'show') return showCommand(rest, io);
        if (command === 'export') return exportCommand(rest, io);
        if (command === 'delete') return await deleteCommand(rest, io);
        return await catalogCommand(rest, io);
      default:
        io.err.write(`optel: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`optel ${command}: ${error.message}\n(see optel ${command} --help)\n`);
      return 2;
    }
    io.err.write(`optel ${command}: ${error instanceof OperationError ? error.message : `failed: ${(error as Error).message}`}\n`);
    return 1;
  }
}

main(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`optel: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
