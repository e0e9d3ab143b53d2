import type { Kysely } from 'kysely';
import type { ProblemStatus } from '../../../domain/problems/problem-lifecycle.js';
import type { DB } from '../../db/schema.js';
import type { RequestContext } from '../../platform/request-context.js';

/** A problem report as a commitment needs it. */
export interface PromisedProblem {
  id: string;
  number: string;
  status: ProblemStatus;
}

/**
 * What supervision needs of the problems module to make and follow problem commitments: the
 * problem (a 404 when there is none) and a line on its timeline. A port rather than an import,
 * so the two modules stay apart (`buildServices` hands the problems service's side in).
 */
export interface PromisedProblems {
  find(id: string, db?: Kysely<DB>): Promise<PromisedProblem>;
  /** A timeline event on the problem, inside the caller's transaction. */
  record(
    trx: Kysely<DB>,
    ctx: RequestContext,
    problemId: string,
    event: { kind: string; changes: { field: string; from: unknown; to: unknown }[] },
  ): Promise<void>;
}
