import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client.js';
import { useErrorText } from '../i18n/error-messages.js';
import { stillRefused } from './form-errors.js';

/**
 * Brings the first field marked invalid into view and puts the cursor there. Mantine marks its
 * inputs with aria-invalid, except PasswordInput's, which carries data-invalid instead.
 */
export function focusFirstInvalid(root: ParentNode | null): void {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"], input[data-invalid]');
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * The field errors of a form that sends to the server, one way for every form: the form's own
 * checks (once a submit was tried, recomputed from the values so each clears the moment its field
 * is right) and the server's field errors (each shown only while its field still holds the value
 * the server refused). A submit the checks stop, or a server answer naming fields, scrolls to and
 * focuses the first invalid field. Give `formRef` to the element holding the fields, `errorOf(path)`
 * to each field's `error`, and wrap the send in `handleSubmit`.
 */
export function useFormErrors<V extends object>(options: {
  /** What the form holds now (its draft). */
  values: V;
  /** The form's own checks on the values: a message per failing field path. */
  validate?: (values: V) => Partial<Record<string, string>>;
  /** The error of the last send (a mutation's `error`). */
  serverError: unknown;
}) {
  const { values, validate, serverError } = options;
  const { field } = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempted, setAttempted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  // The values the server refused, taken when its answer arrives. A ref, because it follows the
  // error rather than causing a render of its own.
  const refused = useRef<{ error: unknown; values: V | null }>({ error: null, values: null });
  if (refused.current.error !== serverError) {
    refused.current = { error: serverError, values: serverError ? values : null };
  }
  const local = attempted && validate ? validate(values) : {};
  // Stable, so a form that refills its fields in an effect can start over there.
  const reset = useCallback(() => setAttempted(false), []);

  useEffect(() => {
    if (isApiError(serverError) && serverError.errors.length > 0) focusFirstInvalid(formRef.current);
  }, [serverError]);
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current);
  }, [focusRequest]);

  /** The server's word on a field while it still holds the refused value (raw, untranslated). */
  const serverErrorAt = (path: string): string | undefined => {
    const refusedValues = refused.current.values;
    if (!isApiError(serverError) || refusedValues === null) return undefined;
    const found = serverError.errors.find((e) => e.field === path || e.field.endsWith(`.${path}`));
    return found && stillRefused(path, values, refusedValues) ? found.message : undefined;
  };

  return {
    formRef,
    /** The message a field shows: its own check first, then the server's, translated. */
    errorOf: (path: string): string | undefined => {
      const own = local[path];
      if (own !== undefined) return own;
      return serverErrorAt(path) === undefined ? undefined : field(serverError, path);
    },
    serverErrorAt,
    /** How many fields the form's own checks hold back. */
    invalidCount: Object.keys(local).length,
    /** A submit handler: runs the checks, and sends only when they pass. */
    handleSubmit: (send: () => void) => (event?: FormEvent) => {
      event?.preventDefault();
      setAttempted(true);
      if (Object.keys(validate?.(values) ?? {}).length > 0) {
        setFocusRequest((n) => n + 1);
        return;
      }
      send();
    },
    /** Starts over (a form emptied after a successful send, or refilled for another record). */
    reset,
  };
}
