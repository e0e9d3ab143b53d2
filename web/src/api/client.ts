/**
 * The one way the web app talks to the API: same-origin JSON with the session cookie, the CSRF
 * token on every change, and problem+json errors turned into ApiError. Components never call
 * fetch; they use the hooks in this folder, which use apiRequest.
 */

import type { FieldError } from '../../../domain/field-error.js';

export class ApiError extends Error {
  readonly status: number;
  /** The server's error code (`invalid_credentials`, `version_conflict`…), or `network` / `unexpected`. */
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly requestId: string | null;
  /** Seconds to wait before trying again, from a Retry-After header (sign-in lockout). */
  readonly retryAfter: number | null;
  /** Problem+json extension members (a failed sign-in's `attemptsLeft` and `lockMinutes`). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string;
    errors?: FieldError[];
    requestId?: string | null;
    retryAfter?: number | null;
    extensions?: Record<string, unknown>;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? '';
    this.errors = init.errors ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
    this.extensions = init.extensions ?? {};
  }

  /** The message for one field, matched on the field name or its last path segment. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

const API_BASE = '/api/v1';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembered from GET /me or the sign-in answer; sent as X-CSRF-Token on every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request made while signed in answers 401: the session ended or expired. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type QueryScalar = string | number | boolean | null | undefined;
/** A list repeats its key (`status=new&status=assigned`), the way the API reads several values. */
export type QueryValue = QueryScalar | readonly (string | number)[];

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item));
      continue;
    }
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** A 401 is an expected answer here (sign-in, the initial /me): don't treat it as a lost session. */
  expectUnauthenticated?: boolean;
  /** The answer is read as text (a stored mail message), not JSON. */
  asText?: boolean;
}

/** The members every problem+json answer has; anything else in one is an extension. */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId', 'errors']);

async function problemOf(response: Response): Promise<ApiError> {
  // The server names every request; an answer that is not problem+json (a proxy's 502) still has it.
  const requestId = response.headers.get('x-request-id');
  const retryHeader = response.headers.get('retry-after');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Record<string, unknown>;
      return new ApiError({
        status: response.status,
        code: typeof body.code === 'string' ? body.code : 'unexpected',
        title: typeof body.title === 'string' ? body.title : response.statusText,
        detail: typeof body.detail === 'string' ? body.detail : '',
        errors: Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
        requestId: typeof body.requestId === 'string' ? body.requestId : requestId,
        retryAfter,
        extensions: Object.fromEntries(Object.entries(body).filter(([key]) => !PROBLEM_MEMBERS.has(key))),
      });
    } catch {
      // An unreadable body falls through to the generic error below.
    }
  }
  return new ApiError({
    status: response.status,
    code: 'unexpected',
    title: response.statusText,
    requestId,
    retryAfter,
  });
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const json = options.body !== undefined;
  return send<T>(path, options, json ? JSON.stringify(options.body) : undefined, json ? 'application/json' : null);
}

/**
 * Sends one file as multipart/form-data in the field `file` (attachments). The browser writes the
 * content type with its boundary, so none is set here.
 */
export async function apiUpload<T>(
  path: string,
  file: File,
  options: Pick<RequestOptions, 'query' | 'signal'> = {},
): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return send<T>(path, { ...options, method: 'POST' }, form, null);
}

/** The address of a file the API serves (downloads), for links rather than fetch. */
export const apiUrl = (path: string): string => `${API_BASE}${path}`;

async function send<T>(
  path: string,
  options: RequestOptions,
  body: BodyInit | undefined,
  contentType: string | null,
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: options.asText ? '*/*' : 'application/json' };
  if (contentType) headers['content-type'] = contentType;
  if (!SAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${options.query ? buildQuery(options.query) : ''}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network', title: 'Network error' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (problem.status === 401 && !options.expectUnauthenticated) onUnauthenticated?.();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  return (options.asText ? await response.text() : await response.json()) as T;
}
