import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Where the time of the analysis the rules share goes, for the lint bench. ESLint's `TIMING` charges each listener's
 * time to its rule, so the module tracking, guards and target resolution every source rule reads land in the row of
 * the first rule that asks for them on a file, and the app-source scan in the first manifest rule's row. With
 * `VELAKIT_TIMING` set to a file path, each shared step is timed, charged to the rule that ran it, and the totals
 * (milliseconds by step, then by rule) are written there as JSON when the process exits. Unset, nothing is timed.
 */
export type SharedStep = 'analysis' | 'targets' | 'app-sources';

const output = process.env['VELAKIT_TIMING'];
const totals = new Map<SharedStep, Map<string, number>>();
let running = false;

if (output) {
  process.on('exit', () => {
    const json = Object.fromEntries([...totals].map(([step, byRule]) => [step, Object.fromEntries(byRule)]));
    try {
      writeFileSync(output, JSON.stringify(json));
    } catch {
      // A bench helper must not change ESLint's exit code or output: the bench reports the missing file.
    }
  });
}

/** Runs a shared step, timing it and charging it to `ruleId` when the bench asked; a step inside a step counts once. */
export function timedStep<T>(step: SharedStep, ruleId: string, run: () => T): T {
  if (!output || running) return run();
  running = true;
  const start = performance.now();
  try {
    return run();
  } finally {
    running = false;
    let byRule = totals.get(step);
    if (!byRule) {
      byRule = new Map();
      totals.set(step, byRule);
    }
    byRule.set(ruleId, (byRule.get(ruleId) ?? 0) + performance.now() - start);
  }
}
