export { ajvOptions } from './ajv-options.js';
export { annotationKeywords, manifestSchema } from './manifest-schema.js';
