/**
 * Whether a server's field error still applies, as a pure rule (the hook `useFormErrors` keeps the
 * state): it does while the field still holds the value the server refused. A path the form keeps
 * differently (`targets.0.resolutionMinutes` against a draft whose targets are rows of text) is
 * compared at its deepest part the form has, so editing a row clears that row's errors.
 */
export function stillRefused(path: string, values: unknown, refusedValues: unknown): boolean {
  const segments = path.split('.');
  for (let depth = segments.length; depth > 0; depth--) {
    const at = segments.slice(0, depth);
    const now = valueAt(values, at);
    const then = valueAt(refusedValues, at);
    if (now.found || then.found) return sameValue(now.value, then.value);
  }
  return sameValue(values, refusedValues);
}

function valueAt(root: unknown, segments: string[]): { found: boolean; value: unknown } {
  let current = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object' || !(segment in current))
      return { found: false, value: undefined };
    current = (current as Record<string, unknown>)[segment];
  }
  return { found: true, value: current };
}

/** Values compare by content: an array rebuilt with the same items is the same answer. */
function sameValue(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  return JSON.stringify(left) === JSON.stringify(right);
}
