import type { Kysely } from 'kysely';
import type { KnownError, KnownErrorQuery } from '../../../domain/contracts/problems.js';
import { KNOWN_ERROR_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import { searchProblems } from '../../db/problem-search.js';
import type { DB } from '../../db/schema.js';
import { meaningfulTerms, queryTerms } from '../../db/search-terms.js';
import type { RequestContext } from '../../platform/request-context.js';
import * as repo from './problems.repository.js';

/**
 * The known-error base: problems in known_error, and resolved ones that keep a workaround (the
 * fix may not have reached every client yet). `q` searches (every word must appear, the last as
 * a prefix); `text` suggests from an incident's words (ranked by how many match), which the
 * ticket page and the phone console ask beside `/procedures/suggestions` with the same text;
 * without either, the latest known errors. A problem naming `serviceId` as affected ranks first.
 */
export class KnownErrorsService {
  constructor(private readonly db: Kysely<DB>) {}

  async search(_ctx: RequestContext, query: KnownErrorQuery): Promise<KnownError[]> {
    const limit = query.limit ?? 10;
    const searching = Boolean(query.q?.trim());
    const terms = searching ? queryTerms(query.q ?? '') : meaningfulTerms(queryTerms(query.text ?? ''));
    if (terms.length === 0) {
      const rows = await repo.listProblems(this.db, { statuses: KNOWN_ERROR_STATUSES, limit: limit * 3 });
      return rows
        .filter(hasWorkaround)
        .slice(0, limit)
        .map((row) => present(row, 0));
    }
    // More than asked, as resolved problems without a workaround are dropped after.
    const hits = await searchProblems(this.db, terms, searching ? 'all' : 'any', KNOWN_ERROR_STATUSES, limit * 3);
    const ids = hits.map((hit) => hit.problemId);
    const [rows, forService] = await Promise.all([
      repo.listProblems(this.db, { ids, limit: ids.length || 1 }),
      query.serviceId ? repo.problemsAffectingService(this.db, ids, query.serviceId) : Promise.resolve([]),
    ]);
    const best = Math.max(1e-9, ...hits.map((hit) => hit.score));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return hits
      .map((hit) => {
        const row = byId.get(hit.problemId);
        if (!row || !hasWorkaround(row)) return null;
        // The text's relevance, from 0 to 1, plus a half for the service the incident is about.
        const score = hit.score / best + (forService.includes(hit.problemId) ? 0.5 : 0);
        return present(row, Math.round(score * 1000) / 1000);
      })
      .filter((knownError): knownError is KnownError => knownError !== null)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}

function hasWorkaround(row: repo.NamedProblemRow): boolean {
  return Boolean(row.workaround_desk_html || row.workaround_public_html);
}

function present(row: repo.NamedProblemRow, score: number): KnownError {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    subject: row.subject,
    priority: row.priority,
    workaroundDeskHtml: row.workaround_desk_html,
    workaroundPublicHtml: row.workaround_public_html,
    workaroundApplications: row.workaround_applications,
    score,
  };
}
