const formats = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof formats)[number];

export interface CliOptions {
  paths: string[];
  format: Format;
  /** Fail when there are more warnings than this; undefined = warnings never fail. */
  maxWarnings: number | undefined;
  help: boolean;
  version: boolean;
  color: boolean | undefined;
}

export class UsageError extends Error {}

export const usage = `Usage: velakit-manifest [options] [file or directory...]

Validates Vela quick app manifest.json files: JSON syntax, the manifest schema and platform checks
(features vs. target devices, API levels, router entry, background features).
A directory means its src/manifest.json, else its manifest.json. Default: the current directory.

Options:
  -f, --format <name>     Output format: stylish (default, with code frames), json, sarif, github
  --max-warnings <n>      Exit with 1 when there are more than n warnings
  --color, --no-color     Force colors on or off (default: on when stdout is a terminal)
  -h, --help              Show this help
  -v, --version           Show the version

Exit status: 0 clean or only warnings and notes, 1 errors (or too many warnings), 2 usage or I/O errors.`;

function valueOf(argv: readonly string[], index: number, name: string, inline: string | undefined): [string, number] {
  if (inline !== undefined) return [inline, index];
  const next = argv[index + 1];
  if (next === undefined || next.startsWith('-')) throw new UsageError(`${name} needs a value.`);
  return [next, index + 1];
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    format: 'stylish',
    maxWarnings: undefined,
    help: false,
    version: false,
    color: undefined,
  };
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    switch (name) {
      case '--':
        onlyPaths = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '-f':
      case '--format': {
        const [value, next] = valueOf(argv, i, name, inline);
        i = next;
        if (!(formats as readonly string[]).includes(value)) {
          throw new UsageError(`Unknown format "${value}"; use one of ${formats.join(', ')}.`);
        }
        options.format = value as Format;
        break;
      }
      case '--max-warnings': {
        const [value, next] = valueOf(argv, i, name, inline);
        i = next;
        if (!/^\d+$/u.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
        options.maxWarnings = Number(value);
        break;
      }
      default:
        throw new UsageError(`Unknown option ${name}.`);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}
