import { type TSchema, Type } from 'typebox';

/** API conventions shared by every module: ids, lists, errors. */
export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Opaque identifier' });
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO-8601 instant, UTC' });
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
