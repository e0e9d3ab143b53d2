import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../domain/field-error.js';
import { PROBLEM_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import { isProblemRefusal } from '../../../domain/problems/problem-refusals.js';
import { TICKET_TYPES } from '../../../domain/tickets/ticket-types.js';
import { isApiError } from '../api/client.js';

const KNOWN_CODES = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'version_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
  'unavailable',
  'network',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];
const isKnownCode = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);

type FieldKey =
  | 'required'
  | 'email'
  | 'pattern'
  | 'wrongPassword'
  | 'emailTaken'
  | 'codeTaken'
  | 'serviceNameTaken'
  | 'requesterNoStaff'
  | 'requesterNeedsOrganization'
  | 'staffNoOrganization'
  | 'noSuchOrganization'
  | 'cannotDeactivateSelf'
  | 'cannotRemoveOwnAdmin'
  | 'notKnownField'
  | 'httpsOnly'
  | 'noQueryOrFragment'
  | 'uri'
  | 'organizationProviderRequesters'
  | 'staffProviderRole'
  | 'staffProviderMapping';

/** The server's field messages are English sentences; these are the ones we know how to say in every language. */
const FIELD_MESSAGES: [RegExp, FieldKey][] = [
  [/^is required$/, 'required'],
  [/format "email"/, 'email'],
  [/^must match pattern/, 'pattern'],
  [/^is wrong$/, 'wrongPassword'],
  [/already uses this email/, 'emailTaken'],
  [/already uses this code/, 'codeTaken'],
  [/already has a service with this name/, 'serviceNameTaken'],
  [/requester cannot also hold a staff role/, 'requesterNoStaff'],
  [/requester must belong to an organization/, 'requesterNeedsOrganization'],
  [/staff do not belong to a client organization/, 'staffNoOrganization'],
  [/no such organization/, 'noSuchOrganization'],
  [/cannot deactivate your own account/, 'cannotDeactivateSelf'],
  [/cannot remove your own admin role/, 'cannotRemoveOwnAdmin'],
  [/is not a known field/, 'notKnownField'],
  [/^must be an https:\/\/ address$/, 'httpsOnly'],
  [/^must have no query or fragment$/, 'noQueryOrFragment'],
  [/format "uri"/, 'uri'],
  [/organization's provider signs in requesters/, 'organizationProviderRequesters'],
  [/staff provider gives a staff role/, 'staffProviderRole'],
  [/staff provider maps to staff roles/, 'staffProviderMapping'],
];

/** Turns API errors into sentences in the current language. */
export function useErrorText() {
  const { t } = useTranslation();

  const fieldMessage = useCallback(
    (message: string): string => {
      const tooShort = /fewer than (\d+) characters/.exec(message);
      if (tooShort) return t('errors.fields.tooShort', { min: Number(tooShort[1]) });
      const tooLong = /more than (\d+) characters/.exec(message);
      if (tooLong) return t('errors.fields.tooLong', { max: Number(tooLong[1]) });
      const known = FIELD_MESSAGES.find(([pattern]) => pattern.test(message));
      // An unknown rule still says what the server said rather than nothing.
      return known ? t(`errors.fields.${known[1]}`) : message;
    },
    [t],
  );

  /**
   * One field error in the reader's words: a refusal with a known `reason` from its own sentence
   * (which names what it concerns, so it needs no field prefix), else the message as above.
   */
  const fieldText = useCallback(
    (e: FieldError): { text: string; selfContained: boolean } => {
      if (!isProblemRefusal(e.reason)) return { text: fieldMessage(e.message), selfContained: false };
      const params: Record<string, string> = { ...(e.params ?? {}) };
      for (const [key, value] of Object.entries(params)) {
        if (key === 'type' && (TICKET_TYPES as readonly string[]).includes(value))
          params[key] = t(`tickets.types.${value as (typeof TICKET_TYPES)[number]}`);
        if (['status', 'from', 'to'].includes(key) && (PROBLEM_STATUSES as readonly string[]).includes(value))
          params[key] = t(`problems.statuses.${value as (typeof PROBLEM_STATUSES)[number]}`);
      }
      // Each refusal names its own params; the catalog test keeps every reason's sentence in both languages.
      const say = t as unknown as (key: string, values: Record<string, string>) => string;
      return { text: say(`problems.refusals.${e.reason}`, params), selfContained: true };
    },
    [t, fieldMessage],
  );

  const message = useCallback(
    (error: unknown): string => {
      if (!isApiError(error)) return t('errors.unexpected');
      if (error.code === 'login_locked') {
        return error.retryAfter
          ? t('errors.login_locked', { minutes: Math.max(1, Math.ceil(error.retryAfter / 60)) })
          : t('errors.login_locked_soon');
      }
      const text = isKnownCode(error.code) ? t(`errors.${error.code}`) : t('errors.unexpected');
      if (error.code === 'invalid_credentials') {
        const left = error.extensions.attemptsLeft;
        const minutes = error.extensions.lockMinutes;
        // Said from the third failure on: two wrong tries are typos, not a reason to alarm anyone.
        if (typeof left !== 'number' || typeof minutes !== 'number' || left > 2) return text;
        return `${text} ${left === 0 ? t('attempts.none', { minutes }) : t('attempts.left', { count: left, minutes })}`;
      }
      return error.status >= 500 && error.requestId
        ? `${text} ${t('errors.reference', { id: error.requestId })}`
        : text;
    },
    [t],
  );

  /** The translated message for one form field, if the API rejected it. */
  const field = useCallback(
    (error: unknown, name: string): string | undefined => {
      if (!isApiError(error)) return undefined;
      const found = error.errors.find((e) => e.field === name || e.field.endsWith(`.${name}`));
      return found === undefined ? undefined : fieldText(found).text;
    },
    [fieldText],
  );

  /** Field errors the form does not show next to a field, so they are not lost. */
  const otherFields = useCallback(
    (error: unknown, shown: readonly string[]): string[] => {
      if (!isApiError(error)) return [];
      return error.errors
        .filter((e) => !shown.some((name) => e.field === name || e.field.endsWith(`.${name}`)))
        .map((e) => {
          const { text, selfContained } = fieldText(e);
          return selfContained ? text : `${e.field}: ${text}`;
        });
    },
    [fieldText],
  );

  return { message, field, fieldMessage, fieldText, otherFields };
}
