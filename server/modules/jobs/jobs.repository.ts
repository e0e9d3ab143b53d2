import type { Kysely } from 'kysely';
import type { DB, JobRunTable } from '../../db/schema.js';

/** The run, unless one with its id exists; answers whether this insert made it. */
export async function claimRun(db: Kysely<DB>, run: JobRunTable): Promise<boolean> {
  const inserted = await db
    .insertInto('job_runs')
    .values(run)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function finishRun(
  db: Kysely<DB>,
  id: string,
  end: Pick<JobRunTable, 'finished_at' | 'duration_ms' | 'outcome' | 'counts' | 'error'>,
) {
  return db.updateTable('job_runs').set(end).where('id', '=', id).execute();
}

/** The latest finished runs of a job (of one instance, when named), newest first. */
export function latestFinished(db: Kysely<DB>, job: string, instance: string | undefined, limit: number) {
  let query = db
    .selectFrom('job_runs')
    .select(['outcome', 'slot_at'])
    .where('job', '=', job)
    .where('outcome', '!=', 'running');
  if (instance) query = query.where('instance', '=', instance);
  return query.orderBy('started_at', 'desc').limit(limit).execute();
}

/** A job's runs, newest first, from before `before` (a run's started_at and id) when given. */
export function listRuns(db: Kysely<DB>, job: string, before: [string, string] | undefined, limit: number) {
  let query = db.selectFrom('job_runs').selectAll().where('job', '=', job);
  if (before) {
    const [startedAt, id] = before;
    query = query.where((eb) =>
      eb.or([eb('started_at', '<', startedAt), eb.and([eb('started_at', '=', startedAt), eb('id', '<', id)])]),
    );
  }
  return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Deletes runs that ended with `outcome` and started before `before`; answers how many. */
export async function deleteRuns(db: Kysely<DB>, outcome: JobRunTable['outcome'], before: string): Promise<number> {
  const result = await db
    .deleteFrom('job_runs')
    .where('outcome', '=', outcome)
    .where('started_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
