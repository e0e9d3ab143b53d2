import { type Static, Type } from 'typebox';
import { Nullable, Timestamp } from './common.js';

/** The background jobs every instance runs, as the admin sees them (Administración → Tareas). */

export const JOB_SCOPES = ['cluster', 'instance'] as const;
export type JobScope = (typeof JOB_SCOPES)[number];

export const JOB_OUTCOMES = ['running', 'succeeded', 'failed'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export const JobSchedule = Type.Union([
  Type.Object({ kind: Type.Literal('interval'), everySeconds: Type.Integer({ minimum: 1 }) }),
  Type.Object({
    kind: Type.Literal('cron'),
    cron: Type.String({ description: 'Five fields: minute hour day-of-month month day-of-week' }),
    zone: Type.String({ description: 'IANA zone the fields are read in' }),
  }),
]);
export type JobSchedule = Static<typeof JobSchedule>;

export const JobRun = Type.Object({
  id: Type.String({ description: 'Predictable: the job and the period it ran for' }),
  job: Type.String(),
  instance: Type.String({ description: 'Which app instance ran it' }),
  startedAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  durationMs: Nullable(Type.Integer({ minimum: 0 })),
  outcome: Type.Unsafe<JobOutcome>({ type: 'string', enum: [...JOB_OUTCOMES] }),
  counts: Type.Record(Type.String(), Type.Number(), { description: 'What the run did, e.g. {fired: 3}' }),
  error: Nullable(Type.String()),
});
export type JobRun = Static<typeof JobRun>;

export const JobSummary = Type.Object({
  name: Type.String({ description: 'Stable id, e.g. sla_watch; the UI names it from its catalog' }),
  module: Type.String(),
  schedule: JobSchedule,
  scope: Type.Unsafe<JobScope>({
    type: 'string',
    enum: [...JOB_SCOPES],
    description: 'cluster: once per period whatever the number of instances; instance: on each instance',
  }),
  lastRun: Nullable(JobRun),
  consecutiveFailures: Type.Integer({ minimum: 0 }),
  nextRunAt: Nullable(Timestamp),
});
export type JobSummary = Static<typeof JobSummary>;

export const JobParams = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
