import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { EARLIEST_YEAR, isDayInRange, isInstantInRange, LATEST_YEAR } from '../../domain/contracts/common.js';
import type { FieldError } from './errors.js';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  // allErrors: report every failing field, not only the first.
  // removeAdditional false: an unknown field is an error, never silently dropped.
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false });
  addFormats(ajv);
  // ajv-formats lets year 0000 or 9999 through; PostgreSQL then refuses them where SQLite stores the
  // text. Every date the API is handed stays within the accepted years (domain/contracts/common.ts).
  ajv.addFormat('date-time', { type: 'string', validate: isInstantInRange });
  ajv.addFormat('date', { type: 'string', validate: isDayInRange });
  return ajv;
}

const NUL = '\u0000';

/**
 * Where `data` holds a NUL byte, in a string or a key, as ajv-shaped errors. PostgreSQL cannot store
 * one in text (a data error, so a 500) while SQLite would keep it; no field has a use for it.
 */
function nulBytesIn(data: unknown, path = '', found: ErrorObject[] = []): ErrorObject[] {
  const report = (instancePath: string) =>
    found.push({
      instancePath,
      keyword: 'nulByte',
      schemaPath: '',
      params: {},
      message: 'must not contain a NUL byte',
    });
  if (typeof data === 'string') {
    if (data.includes(NUL)) report(path);
  } else if (Array.isArray(data)) {
    data.forEach((item, i) => {
      nulBytesIn(item, `${path}/${i}`, found);
    });
  } else if (typeof data === 'object' && data !== null && !Buffer.isBuffer(data)) {
    for (const [key, value] of Object.entries(data)) {
      if (key.includes(NUL)) report(`${path}/${key.replaceAll(NUL, '\\0')}`);
      else nulBytesIn(value, `${path}/${key}`, found);
    }
  }
  return found;
}

type Validate = ((data: unknown, context?: object) => boolean) & { errors?: ErrorObject[] | null; schemaEnv?: unknown };

/** Refuses NUL bytes before the schema is even looked at: every route, every part, in one place. */
function refusingNulBytes(validate: Validate): Validate {
  const wrapped: Validate = (data, context) => {
    const nul = nulBytesIn(data);
    if (nul.length > 0) {
      wrapped.errors = nul;
      return false;
    }
    const valid = validate(data, context);
    wrapped.errors = validate.errors ?? null;
    return valid;
  };
  // Fastify hands ajv the parent object only when it sees this, so defaults and coercion reach the root.
  wrapped.schemaEnv = validate.schemaEnv;
  return wrapped;
}

// Bodies are JSON and must carry the right types; query strings and path params are text and are
// coerced, a repeated key (`status=new&status=pending`) or a single one alike becoming an array.
const bodyAjv = makeAjv(false);
const textAjv = makeAjv('array');

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  refusingNulBytes((httpPart === 'body' ? bodyAjv : textAjv).compile(schema) as Validate);

const DATE_FORMATS = new Set(['date-time', 'date']);

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
    } else if (error.keyword === 'format' && DATE_FORMATS.has(String((error.params as { format: unknown }).format))) {
      message = `must be a ${String((error.params as { format: string }).format)} between ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
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
