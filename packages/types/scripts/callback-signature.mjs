// @ts-check
// The catalogue writes each callback's signature in TypeScript syntax (`(data: UploadFileSuccess) => void`).
// Parsing it, rather than pasting it, lets the generator reject a malformed signature with a clear message, find
// the result type it names, and give `fail`'s code parameter the method's own error-code type.
import ts from 'typescript';

/**
 * @typedef {object} CallbackParameter
 * @property {string} name
 * @property {string} type the parameter's type as written
 * @property {boolean} optional
 */

/**
 * @typedef {object} CallbackSignature
 * @property {CallbackParameter[]} parameters
 * @property {string} returns
 */

/**
 * Parses `(a: A, b?: B) => R`. Throws, naming `where`, for anything that is not one plain function type.
 * @param {string} text
 * @param {string} where names the parameter in error messages, e.g. `system.request download.fail`
 * @returns {CallbackSignature}
 */
export function parseCallback(text, where) {
  const source = ts.createSourceFile('callback.ts', `type Callback = ${text};`, ts.ScriptTarget.Latest, true);
  const diagnostics = /** @type {{ parseDiagnostics?: readonly ts.Diagnostic[] }} */ (/** @type {unknown} */ (source))
    .parseDiagnostics;
  const statement = source.statements[0];
  if (
    (diagnostics !== undefined && diagnostics.length > 0) ||
    source.statements.length !== 1 ||
    statement === undefined ||
    !ts.isTypeAliasDeclaration(statement) ||
    !ts.isFunctionTypeNode(statement.type)
  ) {
    throw new Error(
      `${where}: callback signature \`${text}\` is not a function type such as \`(data: Result) => void\``,
    );
  }
  const fn = statement.type;
  return {
    parameters: fn.parameters.map((parameter) => {
      if (!ts.isIdentifier(parameter.name) || parameter.type === undefined || parameter.dotDotDotToken !== undefined) {
        throw new Error(`${where}: every callback parameter needs a plain name and a type, in \`${text}\``);
      }
      return {
        name: parameter.name.text,
        type: parameter.type.getText(source),
        optional: parameter.questionToken !== undefined,
      };
    }),
    returns: fn.type.getText(source),
  };
}

/**
 * Prints a parsed signature back as a function type.
 * @param {CallbackSignature} signature
 * @returns {string}
 */
export function printCallback(signature) {
  const parameters = signature.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type}`);
  return `(${parameters.join(', ')}) => ${signature.returns}`;
}

/**
 * The type a callback's first parameter names when it is a plain type name (`UploadFileSuccess`), else undefined.
 * @param {CallbackSignature} signature
 * @returns {string | undefined}
 */
export function namedFirstParameterType(signature) {
  const first = signature.parameters[0];
  return first !== undefined && /^[A-Z][A-Za-z0-9]*$/u.test(first.type) ? first.type : undefined;
}
