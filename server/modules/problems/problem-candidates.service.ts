import type { Kysely } from 'kysely';
import type {
  AcceptCandidateBody,
  CandidateSettings,
  ProblemCandidate,
} from '../../../domain/contracts/problem-jobs.js';
import {
  DEFAULT_CLUSTER_SETTINGS,
  findIncidentClusters,
  type IncidentCluster,
  isCoveredByDismissals,
} from '../../../domain/problems/incident-clusters.js';
import { problemRefusal } from '../../../domain/problems/problem-refusals.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import { escapeHtml, htmlToText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import * as repo from './problem-candidates.repository.js';
import type { ProblemIncidentsService } from './problem-incidents.service.js';

const SETTINGS_KEY = 'problems.candidates';
const DAY_MS = 86_400_000;
/**
 * A dismissal is kept this long after the decision, then the job forgets it: by then every
 * incident it named has long left the window (30 days at most), so it can cover nothing found.
 */
export const DISMISSED_KEPT_DAYS = 90;

const iso = (value: string | Date) => new Date(value).toISOString();
const parseIds = (json: string): string[] => JSON.parse(json) as string[];

/**
 * Problem candidates (issue 19, item 6): the hourly `problem_candidates` job clusters the recent
 * incidents no problem is behind (domain/problems/incident-clusters.ts) and keeps one pending
 * candidate per cluster key; the desk accepts one (a problem with its incidents, in one
 * transaction) or dismisses it, and a dismissed cluster comes back only once it has grown.
 */
export class ProblemCandidatesService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly problemIncidents: ProblemIncidentsService,
  ) {}

  /** The desk's settings, the defaults where none are stored. */
  async candidateSettings(): Promise<CandidateSettings> {
    const { windowDays, minIncidents, similarity } = DEFAULT_CLUSTER_SETTINGS;
    const stored = await this.settings.stored(SETTINGS_KEY);
    return {
      windowDays,
      minIncidents,
      similarity,
      ...(stored ? (JSON.parse(stored) as Partial<CandidateSettings>) : {}),
    };
  }

  async updateCandidateSettings(ctx: RequestContext, body: CandidateSettings): Promise<CandidateSettings> {
    const before = await this.candidateSettings();
    await this.db.transaction().execute(async (trx) => {
      await this.settings.store(trx, SETTINGS_KEY, JSON.stringify(body));
      await this.audit.record(trx, ctx, {
        action: 'settings.updated',
        entityType: 'settings',
        entityId: SETTINGS_KEY,
        before,
        after: body,
      });
    });
    return this.candidateSettings();
  }

  /**
   * The job: proposes new clusters, follows pending ones, withdraws those no longer found, and
   * forgets dismissals decided more than DISMISSED_KEPT_DAYS ago (their audit records remain).
   */
  async refresh(): Promise<{ proposed: number; updated: number; withdrawn: number; pruned: number }> {
    const settings = await this.candidateSettings();
    const now = this.clock.now();
    const since = new Date(now.getTime() - settings.windowDays * DAY_MS).toISOString();
    const rows = await repo.unlinkedIncidentsSince(this.db, since);
    const clusters = findIncidentClusters(
      rows.map((row) => ({
        id: row.id,
        organizationId: row.organization_id,
        serviceId: row.service_id,
        categoryId: row.category_id,
        createdAt: row.created_at,
        subject: row.subject,
        description: htmlToText(row.description_html),
      })),
      settings,
      now,
    );
    const [pending, dismissed] = await Promise.all([
      repo.candidatesWithStatus(this.db, 'pending'),
      repo.candidatesWithStatus(this.db, 'dismissed'),
    ]);
    // A dismissal whose incidents all left the window cannot cover anything found now.
    const dismissals = dismissed
      .filter((row) => iso(row.last_at) > since)
      .map((row) => ({
        organizationId: row.organization_id,
        serviceId: row.service_id,
        categoryId: row.category_id,
        incidentIds: parseIds(row.incident_ids),
      }));
    const pendingByKey = new Map(pending.map((row) => [row.key, row]));
    const at = now.toISOString();
    const counts = { proposed: 0, updated: 0, withdrawn: 0, pruned: 0 };
    const found = new Set<string>();
    for (const cluster of clusters) {
      if (isCoveredByDismissals(cluster, dismissals)) continue;
      found.add(cluster.key);
      const current = pendingByKey.get(cluster.key);
      if (current) {
        if (current.incident_ids === JSON.stringify(cluster.incidentIds)) continue;
        await repo.updatePendingCandidate(this.db, current.id, { ...clusterColumns(cluster), updated_at: at });
        counts.updated += 1;
      } else {
        await repo.insertCandidate(this.db, {
          id: newId(now.getTime()),
          key: cluster.key,
          organization_id: cluster.organizationId,
          service_id: cluster.serviceId,
          category_id: cluster.categoryId,
          ...clusterColumns(cluster),
          window_days: settings.windowDays,
          status: 'pending',
          problem_id: null,
          decided_by_id: null,
          decided_at: null,
          created_at: at,
          updated_at: at,
        });
        counts.proposed += 1;
      }
    }
    for (const row of pending) {
      if (found.has(row.key)) continue;
      await repo.deleteCandidate(this.db, row.id);
      counts.withdrawn += 1;
    }
    counts.pruned = await repo.deleteDismissedDecidedBefore(
      this.db,
      new Date(now.getTime() - DISMISSED_KEPT_DAYS * DAY_MS).toISOString(),
    );
    return counts;
  }

  /** The pending candidates, newest change first, with their incidents' numbers and subjects. */
  async pending(_ctx: RequestContext): Promise<ProblemCandidate[]> {
    const rows = await repo.candidatesWithStatus(this.db, 'pending');
    const tickets = new Map(
      (
        await repo.ticketsByIds(
          this.db,
          rows.flatMap((row) => parseIds(row.incident_ids)),
        )
      ).map((t) => [t.id, t]),
    );
    return rows.map((row) => ({
      id: row.id,
      key: row.key,
      organization: { id: row.organization_id, name: row.organization_name },
      service: row.service_id && row.service_name !== null ? { id: row.service_id, name: row.service_name } : null,
      category: row.category_id && row.category_name !== null ? { id: row.category_id, name: row.category_name } : null,
      incidents: parseIds(row.incident_ids).flatMap((id) => {
        const ticket = tickets.get(id);
        return ticket
          ? [{ id, number: ticket.number, subject: ticket.subject, createdAt: iso(ticket.created_at) }]
          : [];
      }),
      firstAt: iso(row.first_at),
      lastAt: iso(row.last_at),
      windowDays: row.window_days,
      sharedTerms: JSON.parse(row.shared_terms) as string[],
      status: row.status,
      problemId: row.problem_id,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    }));
  }

  /**
   * Records the problem behind a pending candidate and links its incidents, all in one transaction
   * with the candidate's decision. What the body leaves out comes from the cluster: the shared
   * words as subject, the incidents as description, its organization and service.
   */
  async accept(ctx: RequestContext, id: string, body: AcceptCandidateBody): Promise<{ problemId: string }> {
    const candidate = await this.findPending(id);
    const incidentIds = parseIds(candidate.incident_ids);
    const tickets = await repo.ticketsByIds(this.db, incidentIds);
    const terms = JSON.parse(candidate.shared_terms) as string[];
    const problemId = await this.problemIncidents.createWithIncidents(
      ctx,
      {
        ...body,
        subject: body.subject ?? (terms.slice(0, 4).join(', ') || tickets[0]?.subject || candidate.key).slice(0, 200),
        description:
          body.description ??
          `<ul>${tickets.map((t) => `<li>${escapeHtml(t.number)} ${escapeHtml(t.subject)}</li>`).join('')}</ul>`,
        organizationIds: body.organizationIds ?? [candidate.organization_id],
        serviceIds: body.serviceIds ?? (candidate.service_id ? [candidate.service_id] : []),
      },
      incidentIds,
      async (trx, problem) => {
        const at = this.clock.now().toISOString();
        const decided = await repo.decideCandidate(trx, id, {
          status: 'accepted',
          problem_id: problem.id,
          decided_by_id: ctx.principal?.userId ?? null,
          decided_at: at,
          updated_at: at,
        });
        if (!decided) throw decidedMeanwhile();
        await this.audit.record(trx, ctx, {
          action: 'problem_candidate.accepted',
          entityType: 'problem_candidate',
          entityId: id,
          organizationId: candidate.organization_id,
          before: { status: 'pending' },
          after: { status: 'accepted', problemId: problem.id, problem: problem.number, incidentIds },
        });
      },
    );
    return { problemId };
  }

  /** Dismisses a pending candidate, with its audit record in the same transaction. */
  async dismiss(ctx: RequestContext, id: string): Promise<void> {
    const candidate = await this.findPending(id);
    const at = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const decided = await repo.decideCandidate(trx, id, {
        status: 'dismissed',
        problem_id: null,
        decided_by_id: ctx.principal?.userId ?? null,
        decided_at: at,
        updated_at: at,
      });
      if (!decided) throw decidedMeanwhile();
      await this.audit.record(trx, ctx, {
        action: 'problem_candidate.dismissed',
        entityType: 'problem_candidate',
        entityId: id,
        organizationId: candidate.organization_id,
        before: { status: 'pending' },
        after: { status: 'dismissed', incidentIds: parseIds(candidate.incident_ids) },
      });
    });
  }

  private async findPending(id: string) {
    const candidate = await repo.findCandidate(this.db, id);
    if (!candidate) throw notFound('Problem candidate');
    if (candidate.status !== 'pending') {
      const message = `The candidate is already ${candidate.status}`;
      throw new AppError('conflict', message, {
        errors: [problemRefusal('candidate', 'candidate_decided', message, { status: candidate.status })],
      });
    }
    return candidate;
  }
}

/** Someone else accepted or dismissed the candidate between our read and our write. */
function decidedMeanwhile(): AppError {
  const message = 'The candidate was decided meanwhile';
  return new AppError('conflict', message, { errors: [problemRefusal('candidate', 'candidate_decided', message)] });
}

function clusterColumns(cluster: IncidentCluster) {
  return {
    incident_ids: JSON.stringify(cluster.incidentIds),
    first_at: cluster.firstAt,
    last_at: cluster.lastAt,
    shared_terms: JSON.stringify(cluster.sharedTerms),
  };
}
