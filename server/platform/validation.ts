import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldError } from './errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  // allErrors: report every failing field, not only the first.
  // removeAdditional false: an unknown field is an error, never silently dropped.
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false });
  addFormats(ajv);
  return ajv;
}

// Bodies are JSON and must carry the right types; query strings and path params are text and are
// coerced, a repeated key (`status=new&status=pending`) or a single one alike becoming an array.
const bodyAjv = makeAjv(false);
const textAjv = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);

/** Turns ajv's errors into `{ field, message }`, naming the field the way the client sent it. */
export function toFieldErrors(errors: ErrorObject[], part: string | undefined): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    let field = path;
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      field = path ? `${path}.${missing}` : missing;
      message = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      field = path ? `${path}.${extra}` : extra;
      message = 'is not a known field';
    } else if (error.keyword === 'anyOf' || error.keyword === 'union') {
      message = 'does not match any allowed form';
    }
    if (!field) field = part ?? 'body';
    const key = `${field}|${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push({ field, message });
    }
  }
  // A failing union also reports each branch; keep the plainest message per field.
  const byField = new Map<string, FieldError>();
  for (const entry of result) {
    const existing = byField.get(entry.field);
    if (!existing || entry.message === 'does not match any allowed form') byField.set(entry.field, entry);
  }
  return [...byField.values()];
}
