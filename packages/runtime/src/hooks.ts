// ESM loader hooks (registered by `@velakit/runtime/register`): `@system.*` specifiers resolve to the runtime's
// forwarding module objects. Runs on Node's loader thread.
import { systemModuleUrl } from './system-specifiers.js';

interface ResolveContext {
  readonly conditions: readonly string[];
  readonly parentURL?: string;
}
interface ResolveResult {
  readonly url: string;
  readonly format?: string | null;
  readonly shortCircuit?: boolean;
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (specifier: string, context: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  const url = systemModuleUrl(specifier);
  if (url !== undefined) return { url: url.href, format: 'module', shortCircuit: true };
  return nextResolve(specifier, context);
}
