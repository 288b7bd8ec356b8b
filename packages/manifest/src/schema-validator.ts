import { validate } from './generated/manifest-validator.js';

/** The part of an ajv error the validator reads (compiled with `messages: false`: ajv's texts are never shown). */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/** The schema, precompiled at build time by scripts/generate.mjs: nothing is compiled at start-up. */
export const validateSchema = validate as unknown as SchemaValidator;
