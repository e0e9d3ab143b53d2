import type { FieldError } from '../../domain/field-error.js';
import { isUniqueViolation } from '../db/errors.js';

// Declared in domain/ (whose rules return it); server code takes it from here, with the error model.
export type { FieldError };

/**
 * The one error model. Services throw AppError with a code; the error handler turns it into an
 * RFC 9457 problem+json response using the status and title in this table.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'The request has invalid fields' },
  bad_request: { status: 400, title: 'The request could not be understood' },
  invalid_input: { status: 400, title: 'The request holds a value that cannot be stored or compared' },
  unauthenticated: { status: 401, title: 'Sign-in required' },
  invalid_credentials: { status: 401, title: 'Email or password is wrong' },
  forbidden: { status: 403, title: 'Not allowed' },
  csrf_failed: { status: 403, title: 'Missing or wrong CSRF token' },
  mfa_enrolment_required: { status: 403, title: 'Set up a second sign-in factor first' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflicts with existing data' },
  version_conflict: { status: 409, title: 'Changed by someone else since you loaded it' },
  // Well-formed and valid, but it would rewrite what is settled (targets for a month already judged).
  unprocessable: { status: 422, title: 'The request cannot be applied as it stands' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported content type' },
  login_locked: { status: 429, title: 'Too many failed sign-in attempts' },
  too_many_requests: { status: 429, title: 'Too many requests; wait before trying again' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** RFC 9457 extension members the client can act on (a sign-in's attempts left, say). */
  readonly extensions: Record<string, string | number> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: {
      errors?: FieldError[];
      headers?: Record<string, string>;
      extensions?: Record<string, string | number>;
    } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extensions = options.extensions;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function validationError(errors: FieldError[]): AppError {
  return new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

/** Turns a unique-constraint violation into a 409 naming the field; rethrows anything else. */
export function conflictOnUnique(field: string, message: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw new AppError('conflict', message, { errors: [{ field, message }] });
    throw error;
  };
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
