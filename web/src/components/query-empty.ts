/** A list answer is empty when it has no items: an array, `{ items }`, or every page of an infinite query. */
export function isEmptyAnswer(data: unknown): boolean {
  if (Array.isArray(data)) return data.length === 0;
  if (data && typeof data === 'object') {
    if ('pages' in data && Array.isArray(data.pages)) return data.pages.every(isEmptyAnswer);
    if ('items' in data && Array.isArray(data.items)) return data.items.length === 0;
  }
  return false;
}
