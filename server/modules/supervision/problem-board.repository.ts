import type { Kysely } from 'kysely';
import { OPEN_PROBLEM_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import { keysetAfter, type SortKey } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';

/**
 * The board's Problems view reads problem reports as it reads tickets: straight from the table,
 * one query per function (the problems module owns their changes; nothing here writes them).
 */

export interface ProblemBoardFilter {
  organizationId?: string | undefined;
  groupId?: string | undefined;
}

export type ProblemBoardView = 'at_risk' | 'breached' | 'commitments';

/** Warned or breached problems are ordered by their deadline, the most overdue first; promised ones by age. */
export const PROBLEM_BOARD_SORT: Record<ProblemBoardView, SortKey[]> = {
  at_risk: [
    { column: 'problems.resolution_due_at', direction: 'asc' },
    { column: 'problems.id', direction: 'asc' },
  ],
  breached: [
    { column: 'problems.resolution_due_at', direction: 'asc' },
    { column: 'problems.id', direction: 'asc' },
  ],
  commitments: [{ column: 'problems.id', direction: 'asc' }],
};

function openProblems(db: Kysely<DB>, filter: ProblemBoardFilter) {
  let query = db.selectFrom('problems').where('problems.status', 'in', [...OPEN_PROBLEM_STATUSES]);
  if (filter.groupId) query = query.where('problems.group_id', '=', filter.groupId);
  const organizationId = filter.organizationId;
  if (organizationId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('problem_organizations')
          .select('problem_organizations.problem_id')
          .whereRef('problem_organizations.problem_id', '=', 'problems.id')
          .where('problem_organizations.organization_id', '=', organizationId),
      ),
    );
  return query;
}

const withOpenCommitment = (db: Kysely<DB>) =>
  db
    .selectFrom('commitments')
    .select('commitments.problem_id')
    .where('commitments.state', '=', 'open')
    .where('commitments.problem_id', 'is not', null);

/** One page of a view: open problems in that state, with their group and owner names. */
export function listBoardProblems(
  db: Kysely<DB>,
  view: ProblemBoardView,
  filter: ProblemBoardFilter & { after?: (string | number | null)[] | undefined; limit: number },
) {
  let query = openProblems(db, filter)
    .leftJoin('support_groups', 'support_groups.id', 'problems.group_id')
    .leftJoin('users as owner', 'owner.id', 'problems.owner_id')
    .select([
      'problems.id',
      'problems.number',
      'problems.subject',
      'problems.status',
      'problems.priority',
      'problems.group_id',
      'support_groups.name as group_name',
      'problems.owner_id',
      'owner.name as owner_name',
      'problems.sla_state',
      'problems.resolution_due_at',
      'problems.sla_escalated_at',
    ]);
  if (view === 'commitments') {
    query = query.where('problems.id', 'in', withOpenCommitment(db));
  } else {
    // A problem is only warned or breached against a stored deadline.
    query = query
      .where('problems.sla_state', '=', view === 'at_risk' ? 'warning' : 'breached')
      .where('problems.resolution_due_at', 'is not', null);
  }
  const sort = PROBLEM_BOARD_SORT[view];
  const after = filter.after;
  if (after) query = query.where(() => keysetAfter(sort, after));
  for (const key of sort) query = query.orderBy(key.column as 'problems.id', key.direction);
  return query.limit(filter.limit).execute();
}

export type BoardProblemRow = Awaited<ReturnType<typeof listBoardProblems>>[number];

/** How many open problems each view holds. */
export async function countBoardProblems(db: Kysely<DB>, filter: ProblemBoardFilter) {
  const [states, promised] = await Promise.all([
    openProblems(db, filter)
      .select((eb) => ['problems.sla_state', eb.fn.countAll<number | string>().as('count')])
      .where('problems.sla_state', 'in', ['warning', 'breached'])
      .where('problems.resolution_due_at', 'is not', null)
      .groupBy('problems.sla_state')
      .execute(),
    openProblems(db, filter)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('problems.id', 'in', withOpenCommitment(db))
      .executeTakeFirstOrThrow(),
  ]);
  const of = (state: string) => Number(states.find((row) => row.sla_state === state)?.count ?? 0);
  return { atRisk: of('warning'), breached: of('breached'), commitments: Number(promised.count) };
}

/** The organizations each problem is declared to affect, by name. */
export function organizationsOfProblems(db: Kysely<DB>, problemIds: readonly string[]) {
  if (problemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('problem_organizations')
    .innerJoin('organizations', 'organizations.id', 'problem_organizations.organization_id')
    .select(['problem_organizations.problem_id', 'organizations.id', 'organizations.name'])
    .where('problem_organizations.problem_id', 'in', problemIds)
    .orderBy('organizations.name')
    .execute();
}

export function openCommitmentsOfProblems(db: Kysely<DB>, problemIds: readonly string[]) {
  if (problemIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('commitments')
    .select(['id', 'problem_id', 'promised_at', 'warned_at'])
    .where('problem_id', 'in', problemIds)
    .where('state', '=', 'open')
    .execute();
}

/** Problem reports resolved in [from, to) per priority: all of them, and those measured met or missed. */
export function problemComplianceBetween(db: Kysely<DB>, from: string, to: string) {
  return db
    .selectFrom('problems')
    .select((eb) => [
      'problems.priority',
      eb.fn.countAll<number | string>().as('resolved'),
      eb.fn.sum<number | string>(eb.case().when('problems.resolution_met', '=', 1).then(1).else(0).end()).as('met'),
      eb.fn
        .sum<number | string>(eb.case().when('problems.resolution_met', '=', 0).then(1).else(0).end())
        .as('breached'),
    ])
    .where('problems.resolved_at', '>=', from)
    .where('problems.resolved_at', '<', to)
    .groupBy('problems.priority')
    .execute();
}
