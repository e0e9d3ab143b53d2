/**
 * Which error each field of a form shows, as a pure rule (the hook `useFormErrors` keeps the
 * state): a field's own check once the person has tried to submit, recomputed from the values so
 * it clears the moment the field is right; otherwise the server's word on the field, only while
 * the field still holds the value the server refused.
 */
export function visibleFieldErrors<F extends string>(input: {
  fields: readonly F[];
  values: Readonly<Record<F, unknown>>;
  /** The values as they were when the server answered with `server`. */
  refusedValues: Readonly<Record<F, unknown>> | null;
  /** The form's own checks on the current values, once a submit was tried; empty before. */
  local: Partial<Record<F, string>>;
  server: (field: F) => string | undefined;
}): Partial<Record<F, string>> {
  const shown: Partial<Record<F, string>> = {};
  for (const name of input.fields) {
    const own = input.local[name];
    const unchanged = input.refusedValues !== null && sameValue(input.values[name], input.refusedValues[name]);
    const message = own ?? (unchanged ? input.server(name) : undefined);
    if (message !== undefined) shown[name] = message;
  }
  return shown;
}

/** Values compare by content: an array rebuilt with the same items is the same answer. */
function sameValue(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  return JSON.stringify(left) === JSON.stringify(right);
}
