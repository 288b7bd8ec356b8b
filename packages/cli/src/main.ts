import { checkCommand, checkHelp } from './commands/check.js';
import { devicesCommand, devicesHelp } from './commands/devices.js';
import { ExitCode, UsageError, type Io } from './io.js';
import { version } from './version.js';

export const help = `velakit ${version}: the compile-time safety net for Xiaomi Vela JS quick apps

Usage:
  velakit check [appDir]     validate manifest.json, lint the app's sources, and show which device supports
                             each API the app uses (default appDir: .)
  velakit devices [name]     list the known devices, their ids and aliases

Options:
  -h, --help                 show help for a command
  -v, --version              print the version

${checkHelp}
${devicesHelp}`;

/** Runs one command line; never throws: every failure becomes a message and an exit code. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(help);
        return command === undefined ? ExitCode.failure : ExitCode.ok;
      case '-v':
      case '--version':
        io.stdout(`${version}\n`);
        return ExitCode.ok;
      case 'check':
        return await checkCommand(rest, io);
      case 'devices':
        return devicesCommand(rest, io);
      default:
        throw new UsageError(`unknown command "${command}" (use check or devices; see velakit --help)`);
    }
  } catch (error) {
    io.stderr(`velakit: ${describe(error)}\n`);
    return ExitCode.failure;
  }
}

/** One line for any thrown value; the stack is only for unexpected errors, and only under DEBUG. */
function describe(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS')
  ) {
    return error.message;
  }
  if (process.env['DEBUG'] && error instanceof Error && error.stack) return error.stack;
  return error instanceof Error ? error.message : String(error);
}
