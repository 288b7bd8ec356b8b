// @velakit/language: the Volar language plugin for Vela `.ux` files and the type-check behind `velakit-typecheck`.
export { parseUx, type UxBlocks, type UxImport, type UxScript } from '@velakit/ux';
export {
  pageObjectMembers,
  virtualScript,
  type UxRole,
  type VirtualScript,
  type VirtualScriptOptions,
} from './virtual-script.js';
export {
  createUxLanguagePlugin,
  literalThisFits,
  uxLanguageId,
  type UxLanguagePluginOptions,
  type UxVirtualCode,
} from './language-plugin.js';
export {
  findConfigFile,
  typecheckApp,
  TypecheckSetupError,
  typesNotInstalled,
  type TypecheckOptions,
  type TypecheckResult,
  type TypeDiagnostic,
  type TypeFileResult,
  type TypeSeverity,
} from './typecheck.js';
export type { TypePosition } from './text-position.js';
export {
  formatTypesStylish,
  formatTypesJson,
  formatTypesGithub,
  formatTypesSarif,
  typeSarifParts,
  displayPath,
} from './report.js';
export { runTypecheck, type TypecheckIo } from './cli.js';
