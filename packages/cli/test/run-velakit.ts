import { main } from 'velakit';

export interface VelakitRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the `velakit` command in process from `cwd`, without colour, and returns its exit code and output. */
export async function runVelakit(cwd: string, ...argv: string[]): Promise<VelakitRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    color: false,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
