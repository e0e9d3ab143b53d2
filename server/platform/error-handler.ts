import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDataError } from '../db/errors.js';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from './errors.js';
import { toFieldErrors } from './validation.js';

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail?: string,
  errors?: FieldError[],
  extensions?: Record<string, string | number>,
) {
  const { status, title } = ERROR_CODES[code];
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: `urn:mesa:problem:${code}`,
      title,
      status,
      ...(detail ? { detail } : {}),
      code,
      requestId: String(request.id),
      ...(errors ? { errors } : {}),
      ...extensions,
    });
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'bad_request',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

/** The one error handler: every failure leaves as problem+json; unknown errors are logged and answered 500. */
export function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    if (error.headers) reply.headers(error.headers);
    return sendProblem(request, reply, error.code, error.message, error.errors, error.extensions);
  }
  if (error.validation) {
    const errors = toFieldErrors(error.validation as never, error.validationContext);
    return sendProblem(
      request,
      reply,
      'validation_failed',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    );
  }
  if (isDataError(error)) {
    // What the edge let through and the database refused (a value the schema could not foresee):
    // the client's fault, said without the engine's message, logged in full for us.
    request.log.warn({ err: error }, 'database refused a value');
    return sendProblem(request, reply, 'invalid_input', 'A value in the request cannot be stored or compared');
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) return sendProblem(request, reply, mapped, error.message);
  if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
    request.log.info({ err: error }, 'bad request');
    return sendProblem(request, reply, 'bad_request', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    request,
    reply,
    'internal',
    'Something went wrong on our side; quote the request id when reporting it',
  );
}
