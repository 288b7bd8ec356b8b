import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { colors } from '@velakit/manifest/cli';
import {
  formatTypesGithub,
  formatTypesJson,
  formatTypesSarif,
  formatTypesStylish,
  typeFormats,
  type TypeFormat,
} from './report.js';
import { typecheckApp, TypecheckSetupError } from './typecheck.js';

/** Where the command writes, and the directory it runs in: the process in the bin, buffers in tests. */
export interface TypecheckIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly cwd: string;
  /** Whether stdout is a terminal (colors on by default). */
  readonly isTTY?: boolean;
}

export const typecheckUsage = `Usage: velakit-typecheck [options] [appDir]

Type-checks every .ux, .js and .ts file of a Vela app, like \`vue-tsc --noEmit\` for Vue: the <script> of each .ux
page is typed as Vela runs it (the page object as \`this\`, app.ux as the app object), with the app's tsconfig.json or
jsconfig.json (else velakit's defaults over src/). Diagnostics point at each file's own line and column.

Options:
  -p, --project <file>    The tsconfig.json or jsconfig.json to use (default: appDir/tsconfig.json, then jsconfig.json)
  -f, --format <name>     Output format: stylish (default, with code frames), json, sarif, github
  --color, --no-color     Force colors on or off (default: on when stdout is a terminal)
  -h, --help              Show this help
  -v, --version           Show the version

Exit status: 0 no type errors, 1 type errors, 2 usage, I/O or configuration errors.`;

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

class UsageError extends Error {}

function options(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        project: { type: 'string', short: 'p' },
        format: { type: 'string', short: 'f', default: 'stylish' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (!(typeFormats as readonly string[]).includes(values.format)) {
    throw new UsageError(`unknown format "${values.format}" (use ${typeFormats.join(', ')})`);
  }
  if (positionals.length > 1) throw new UsageError('check one app directory at a time');
  return { ...values, format: values.format as TypeFormat, appDir: positionals[0] ?? '.' };
}

/** Runs the command; returns the exit code (0 clean, 1 type errors, 2 could not check). */
export function runTypecheck(argv: readonly string[], io: TypecheckIo): number {
  let parsed: ReturnType<typeof options>;
  try {
    parsed = options(argv);
  } catch (error) {
    io.stderr(`velakit-typecheck: ${(error as Error).message}\n\n${typecheckUsage}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${typecheckUsage}\n`);
    return 0;
  }
  if (parsed.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  let result;
  try {
    result = typecheckApp(
      resolve(io.cwd, parsed.appDir),
      parsed.project === undefined ? {} : { project: parsed.project },
    );
  } catch (error) {
    if (error instanceof TypecheckSetupError) {
      io.stderr(`velakit-typecheck: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const useColor = parsed['no-color'] ? false : (parsed.color ?? io.isTTY ?? false);
  const output = {
    stylish: () => formatTypesStylish(result, io.cwd, colors(useColor)),
    json: () => formatTypesJson(result, io.cwd),
    sarif: () => formatTypesSarif(result, io.cwd, packageVersion()),
    github: () => formatTypesGithub(result, io.cwd),
  }[parsed.format]();
  io.stdout(output);
  return result.errorCount > 0 ? 1 : 0;
}
