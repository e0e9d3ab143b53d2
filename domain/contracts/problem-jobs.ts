import { type Static, Type } from 'typebox';
import { CLUSTER_SETTINGS_LIMITS as LIMITS } from '../problems/incident-clusters.js';
import { Id, Nullable, Timestamp } from './common.js';
import { CreateProblemBody } from './problems.js';

/** Problem candidates (recurring incidents the hourly job proposes) and resolving a problem's incidents. */

const Ref = Type.Object({ id: Id, name: Type.String() });

export const ProblemCandidate = Type.Object({
  id: Id,
  key: Type.String(),
  organization: Ref,
  service: Nullable(Ref),
  category: Nullable(Ref),
  incidents: Type.Array(Type.Object({ id: Id, number: Type.String(), subject: Type.String(), createdAt: Timestamp })),
  firstAt: Timestamp,
  lastAt: Timestamp,
  windowDays: Type.Integer(),
  sharedTerms: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('dismissed')]),
  problemId: Nullable(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProblemCandidate = Static<typeof ProblemCandidate>;

/** The problem to record from the candidate; what is left out comes from the cluster. */
export const AcceptCandidateBody = Type.Partial(CreateProblemBody, { additionalProperties: false });
export type AcceptCandidateBody = Static<typeof AcceptCandidateBody>;

export const ResolutionMessage = Type.Object(
  {
    es: Type.String({ minLength: 1, maxLength: 20_000, description: 'Rich text for Spanish-speaking requesters' }),
    en: Type.String({ minLength: 1, maxLength: 20_000, description: 'Rich text for English-speaking requesters' }),
  },
  { additionalProperties: false },
);

export const ResolveIncidentsBody = Type.Object(
  { message: Type.Optional(ResolutionMessage) },
  { additionalProperties: false },
);
export type ResolveIncidentsBody = Static<typeof ResolveIncidentsBody>;

export const IncidentResolution = Type.Object({
  id: Id,
  problemId: Id,
  requestedBy: Id,
  status: Type.Union([Type.Literal('running'), Type.Literal('done')]),
  total: Type.Integer(),
  resolved: Type.Integer(),
  skipped: Type.Integer(),
  pending: Type.Integer(),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
});
export type IncidentResolution = Static<typeof IncidentResolution>;

export const IncidentResolutionProgress = Type.Object({ latest: Nullable(IncidentResolution) });

/** The desk's settings of the candidates job (stored as a desk setting, `problems.candidates`). */
export const CandidateSettings = Type.Object(
  {
    windowDays: Type.Integer({
      minimum: LIMITS.windowDays.min,
      maximum: LIMITS.windowDays.max,
      description: 'Incidents created in the last this many days',
    }),
    minIncidents: Type.Integer({
      minimum: LIMITS.minIncidents.min,
      maximum: LIMITS.minIncidents.max,
      description: 'Alike incidents needed to propose one',
    }),
    similarity: Type.Number({
      minimum: LIMITS.similarity.min,
      maximum: LIMITS.similarity.max,
      description: 'How alike (cosine 0–1) to join',
    }),
  },
  { additionalProperties: false },
);
export type CandidateSettings = Static<typeof CandidateSettings>;
