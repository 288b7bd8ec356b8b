export { ajvOptions } from './ajv-options.js';
export { featureNamePattern, featureNameRegExp } from './feature-name.js';
export { annotationKeywords, manifestSchema } from './manifest-schema.js';
