import {Ajv, type ValidateFunction} from 'ajv';
import {exportSchema} from '../repo/export-schema.js';

let validate: ValidateFunction | undefined;

/**
 * Where a document breaks the export schema, one line per problem naming its
 * JSON path (`/settings/0: unknown field "valeu"`), never a value (it may be a
 * secret). Empty when it fits. Ajv, loaded only for import (its own bundle).
 */
export function schemaProblems(doc: unknown): string[] {
  validate ??= new Ajv({allErrors: true, strict: true, allowUnionTypes: true}).compile(exportSchema());
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, 20).map((error) => {
    const where = error.instancePath || '/';
    if (error.keyword === 'additionalProperties') return `${where}: unknown field ${JSON.stringify(String(error.params.additionalProperty))}`;
    if (error.keyword === 'const') return `${where}: must be ${JSON.stringify(error.params.allowedValue)}`;
    if (error.keyword === 'enum') return `${where}: must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    return `${where}: ${error.message ?? 'is not valid'}`;
  });
}
