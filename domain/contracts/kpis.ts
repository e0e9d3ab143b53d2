import { type Static, Type } from 'typebox';
import { COUNTING_MONTHS, DIMENSIONS, KPI_IDS, KPI_UNITS } from '../analysis/kpi-kinds.js';
import { Id, MONTH_PATTERN, Nullable, Timestamp } from './common.js';

/** The indicator catalog and an agreement's versioned targets (issue 21, items 1–2 and 8). */

const Localized = Type.Object({ es: Type.String(), en: Type.String() });
const Month = Type.String({ pattern: MONTH_PATTERN, description: 'A month as YYYY-MM' });

export const KpiTargetSchema = Type.Object({ target: Type.Number(), amber: Type.Number(), red: Type.Number() });

// The statistic and variant shapes vary by kind (domain/analysis/kpi-kinds.ts); the catalog is
// served as it is, so their other members pass through as plain JSON.
const KpiStatisticSchema = Type.Object({ kind: Type.String() }, { additionalProperties: true });
const KpiVariantSchema = Type.Object(
  { id: Type.String(), name: Localized, kind: Type.String() },
  { additionalProperties: true },
);

export const KpiCatalogEntry = Type.Object({
  id: Type.Enum(KPI_IDS),
  name: Localized,
  formula: Localized,
  unit: Type.Enum(KPI_UNITS),
  better: Type.Enum(['up', 'down', 'none']),
  statistic: KpiStatisticSchema,
  /** Which tickets (or records) count, in words. */
  population: Localized,
  /** The event whose month a record counts in, cut in the agreement calendar's zone. */
  countsIn: Type.Enum(COUNTING_MONTHS),
  breakdowns: Type.Array(Type.Enum(DIMENSIONS)),
  variants: Type.Array(KpiVariantSchema),
  /** The default template's target for this indicator; null when it takes none by default. */
  defaultTarget: Nullable(KpiTargetSchema),
});
export type KpiCatalogEntry = Static<typeof KpiCatalogEntry>;
export const KpiCatalog = Type.Object({ items: Type.Array(KpiCatalogEntry) });

// Targets keyed by indicator id; checkKpiTargets names the field of a wrong one (targets.fcr.amber).
const TargetsMap = Type.Record(Type.String(), KpiTargetSchema);

export const KpiTargetVersion = Type.Object({
  version: Type.Integer(),
  validFrom: Month,
  targets: TargetsMap,
  createdAt: Timestamp,
  createdById: Nullable(Id),
});
export type KpiTargetVersion = Static<typeof KpiTargetVersion>;

/** The version that judges the month asked (this month by default), or the template when none was saved. */
export const KpiTargetsInForce = Type.Object({
  version: Nullable(Type.Integer()),
  validFrom: Nullable(Month),
  targets: TargetsMap,
  isDefault: Type.Boolean(),
});
export type KpiTargetsInForce = Static<typeof KpiTargetsInForce>;

export const AgreementKpiTargets = Type.Object({
  agreementId: Id,
  /** The month `current` judges, in the agreement calendar's zone. */
  month: Month,
  /** Every saved version, oldest first; none is ever edited. */
  versions: Type.Array(KpiTargetVersion),
  current: KpiTargetsInForce,
});
export type AgreementKpiTargets = Static<typeof AgreementKpiTargets>;

export const KpiTargetsQuery = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false });

// Thresholds are checked by checkKpiTargets (domain/analysis/kpi-targets.ts) so every wrong one
// is named; the schema only asks for the shape.
export const PutKpiTargetsBody = Type.Object(
  {
    validFrom: Type.String({ maxLength: 7, description: 'The first month these targets judge, YYYY-MM' }),
    targets: Type.Record(
      Type.String({ maxLength: 64 }),
      Type.Object({ target: Type.Number(), amber: Type.Number(), red: Type.Number() }),
      { maxProperties: 64 },
    ),
  },
  { additionalProperties: false },
);
export type PutKpiTargetsBody = Static<typeof PutKpiTargetsBody>;
