// @ts-check
// For ajv-cli (`-c`): declares the editor annotation keywords of the schema, so ajv-cli compiles it in strict mode
// exactly as velakit's build does.
/** @param {import('ajv').default} ajv */
module.exports = (ajv) => ajv.addVocabulary(['enumDescriptions', 'markdownEnumDescriptions']);
