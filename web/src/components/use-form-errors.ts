import { type FormEvent, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client.js';
import { useErrorText } from '../i18n/error-messages.js';
import { visibleFieldErrors } from './form-errors.js';

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
 * checks after a submit was tried and the server's field errors, each cleared as soon as its field
 * is corrected; a submit the checks stop, or a server answer naming fields, scrolls to and focuses
 * the first invalid field. Give `formRef` to the element that holds the fields, `errorOf(name)` to
 * each field's `error`, and wrap the send in `handleSubmit`.
 */
export function useFormErrors<F extends string>(options: {
  fields: readonly F[];
  values: Record<F, unknown>;
  /** The form's own checks on the current values: a message per failing field. */
  validate?: (values: Record<F, unknown>) => Partial<Record<F, string>>;
  /** The error of the last send (a mutation's `error`). */
  serverError: unknown;
}) {
  const { fields, values, validate, serverError } = options;
  const { field } = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempted, setAttempted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  // The values the server refused, taken when its answer arrives; a field edited since shows no
  // server error. Kept in a ref because it follows the error, not a render of its own.
  const refused = useRef<{ error: unknown; values: Record<F, unknown> | null }>({ error: null, values: null });
  if (refused.current.error !== serverError) {
    refused.current = { error: serverError, values: serverError ? values : null };
  }
  const local = attempted && validate ? validate(values) : {};
  const errors = visibleFieldErrors({
    fields,
    values,
    refusedValues: refused.current.values,
    local,
    server: (name) => field(serverError, name),
  });

  useEffect(() => {
    if (isApiError(serverError) && serverError.errors.length > 0) focusFirstInvalid(formRef.current);
  }, [serverError]);
  useEffect(() => {
    if (focusRequest > 0) focusFirstInvalid(formRef.current);
  }, [focusRequest]);

  /** A submit handler: runs the checks, and sends only when they pass. */
  const handleSubmit = (send: () => void) => (event?: FormEvent) => {
    event?.preventDefault();
    setAttempted(true);
    const found = validate?.(values) ?? {};
    if (Object.keys(found).length > 0) {
      setFocusRequest((n) => n + 1);
      return;
    }
    send();
  };

  return {
    formRef,
    errorOf: (name: F): string | undefined => errors[name],
    invalidCount: Object.keys(errors).length,
    handleSubmit,
    /** Starts over (a form emptied after a successful send). */
    reset: () => setAttempted(false),
  };
}
