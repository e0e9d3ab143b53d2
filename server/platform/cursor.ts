import { isInstantInRange } from '../../domain/contracts/common.js';
import { validationError } from './errors.js';

/**
 * Keyset pagination cursors: the sort values of the last row seen, opaque to clients.
 * A list query asks for limit + 1 rows to know whether there is a next page.
 */
/** One value of a cursor: null where the sort key has none (a ticket with no running clock, sorted last). */
export type CursorPart = string | number | null;

export function encodeCursor(values: readonly CursorPart[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * What a list's sort compares at each position of its cursor. A cursor comes back from the
 * client and may have been tampered with: a string where PostgreSQL compares a timestamptz or an
 * integer is a data error there (a 500) while SQLite shrugs, so each value is checked first.
 */
export type CursorValue = 'id' | 'text' | 'timestamp' | 'timestampOrNull' | 'integer';

const CHECKS: Record<CursorValue, (value: unknown) => boolean> = {
  // Ids are text of at most 64 characters (domain/contracts/common.ts `Id`).
  id: (value) => typeof value === 'string' && value.length > 0 && value.length <= 64 && !value.includes('\u0000'),
  text: (value) => typeof value === 'string' && value.length <= 500 && !value.includes('\u0000'),
  timestamp: (value) => typeof value === 'string' && isInstantInRange(value),
  timestampOrNull: (value) => value === null || (typeof value === 'string' && isInstantInRange(value)),
  integer: (value) => typeof value === 'number' && Number.isSafeInteger(value),
};

export function decodeCursor(cursor: string | undefined, types: readonly CursorValue[]): CursorPart[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === types.length &&
      values.every((value, i) => CHECKS[types[i] as CursorValue](value))
    ) {
      return values as CursorPart[];
    }
  } catch {
    // fall through to the validation error below
  }
  throw validationError([{ field: 'cursor', message: 'is not a cursor this list produced' }]);
}

export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => CursorPart[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
