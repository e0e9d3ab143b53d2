import { type TSchema, Type } from 'typebox';

/** API conventions shared by every module: ids, lists, errors. */
export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Opaque identifier' });
/**
 * The years Mesa accepts in any date it is handed (query, body or cursor): 1900 through 2999.
 * A service desk has no case before 1900 nor a deadline past 2999; outside that range, year 0000
 * or 10000, PostgreSQL refuses the value (a data error) while SQLite stores the text, so the
 * bounds are checked at the edge and both engines answer the same 400.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):?(\d{2}))$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const inYears = (year: number) => year >= EARLIEST_YEAR && year <= LATEST_YEAR;
const isCalendarDay = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();

/** An RFC 3339 date-time, a real calendar day and time, whose UTC instant falls within the accepted years. */
export function isInstantInRange(text: string): boolean {
  const match = INSTANT.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map(Number);
  if (!isCalendarDay(year as number, month as number, day as number)) return false;
  if ((hour as number) > 23 || (minute as number) > 59 || (second as number) > 59) return false;
  if (offsetHours > 23 || offsetMinutes > 59) return false;
  const instant = Date.parse(text.replace(' ', 'T'));
  return !Number.isNaN(instant) && inYears(year as number) && inYears(new Date(instant).getUTCFullYear());
}

/** A calendar day `YYYY-MM-DD` within the accepted years. */
export function isDayInRange(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return inYears(year) && isCalendarDay(year, month, day);
}

/** ISO-8601 instant, UTC; ajv checks the accepted years through the `date-time` format (server/platform/validation.ts). */
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO-8601 instant, UTC' });

/** `YYYY-MM` within the accepted years (1900–2999). */
export const MONTH_PATTERN = '^(19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2])$';
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ListQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 500, description: "From the previous page's nextCursor" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** A whole, unpaginated list: `{ items: [...] }` (short lists such as groups or categories). */
export const ItemsOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

export const Version = Type.Integer({
  minimum: 1,
  description: 'The version this change is based on; a stale one answers 409',
});

export const ProblemDetails = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    code: Type.String(),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem details' },
);

export const Ok = Type.Object({ status: Type.Literal('ok') });
