import type { Kysely } from 'kysely';
import type { IncidentResolution, ResolveIncidentsBody } from '../../../domain/contracts/problem-jobs.js';
import { problemsEn } from '../../../domain/i18n/problems-en.js';
import { problemsEs } from '../../../domain/i18n/problems-es.js';
import type { DB, ProblemIncidentResolutionRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { htmlToText, sanitizeRichText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import { actingAs } from '../auth/auth.service.js';
import type { ConversationService } from '../tickets/conversation.service.js';
import type { TicketsService } from '../tickets/tickets.service.js';
import type { UsersService } from '../users/users.service.js';
import * as repo from './problem-resolution.repository.js';
import type { ProblemsService } from './problems.service.js';

/** How many incidents one run of the job takes: a large problem is resolved over several runs. */
export const RESOLUTION_BATCH = 25;

const CATALOG = { es: problemsEs.problems.resolveIncidents, en: problemsEn.problems.resolveIncidents };
const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * Resolving a resolved problem's open incidents (issue 19, item 4): the request records a run and
 * one row per incident; the `problem_resolutions` job works through them in batches. Each incident
 * goes pending -> messaged (the public reply, in the requester's language, and that step in one
 * transaction) -> resolved, each step only from the state it saw, so a run stopped anywhere and
 * started again — or two runners at once — never sends a message twice nor resolves twice.
 */
export class ProblemResolutionService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly problems: ProblemsService,
    private readonly tickets: TicketsService,
    private readonly conversation: ConversationService,
    private readonly users: UsersService,
  ) {}

  /** Starts resolving the problem's open incidents; a run still going is answered as it is. */
  async request(ctx: RequestContext, problemId: string, body: ResolveIncidentsBody): Promise<IncidentResolution> {
    const problem = await this.problems.find(problemId);
    if (problem.status !== 'resolved')
      throw new AppError(
        'conflict',
        `The problem is ${problem.status}; its incidents are resolved once it is resolved`,
      );
    const latest = await repo.latestResolution(this.db, problemId);
    if (latest?.status === 'running') return this.present(latest);
    let message: string | null = null;
    if (body.message) {
      const es = sanitizeRichText(body.message.es);
      const en = sanitizeRichText(body.message.en);
      if (!es || !en) throw new AppError('validation_failed', 'The message is empty once unsafe content is removed');
      message = JSON.stringify({ es, en });
    }
    const open = await repo.openIncidentsOf(this.db, problemId);
    const at = this.clock.now().toISOString();
    const row = {
      id: newId(Date.parse(at)),
      problem_id: problemId,
      requested_by_id: ctx.principal?.userId ?? '',
      message,
      status: open.length > 0 ? ('running' as const) : ('done' as const),
      total: open.length,
      resolved: 0,
      skipped: 0,
      created_at: at,
      updated_at: at,
      finished_at: open.length > 0 ? null : at,
    };
    await this.db.transaction().execute((trx) =>
      repo.insertResolution(
        trx,
        row,
        open.map((ticket) => ticket.id),
      ),
    );
    return this.present(row);
  }

  async progress(_ctx: RequestContext, problemId: string): Promise<{ latest: IncidentResolution | null }> {
    await this.problems.find(problemId);
    const latest = await repo.latestResolution(this.db, problemId);
    return { latest: latest ? await this.present(latest) : null };
  }

  /** The job: up to `batch` incidents of the running runs, oldest run first. */
  async work(batch = RESOLUTION_BATCH): Promise<{ resolved: number; skipped: number }> {
    const counts = { resolved: 0, skipped: 0 };
    let left = batch;
    for (const run of await repo.runningResolutions(this.db)) {
      if (left <= 0) break;
      const items = await repo.unfinishedItems(this.db, run.id, left);
      left -= items.length;
      const ctx = await this.actingAs(run.requested_by_id);
      const message = run.message ? (JSON.parse(run.message) as { es: string; en: string }) : null;
      for (const item of items) {
        const outcome = await this.resolveOne(ctx, run, item, message);
        if (outcome) counts[outcome] += 1;
      }
      await this.recount(run.id);
    }
    return counts;
  }

  private async resolveOne(
    ctx: RequestContext,
    run: ProblemIncidentResolutionRow,
    item: Awaited<ReturnType<typeof repo.unfinishedItems>>[number],
    message: { es: string; en: string } | null,
  ): Promise<'resolved' | 'skipped' | null> {
    const locale = item.locale ?? 'es';
    const at = () => this.clock.now().toISOString();
    // Resolved, closed or cancelled meanwhile (by hand): nothing more to tell or do.
    if (['resolved', 'closed', 'cancelled'].includes(item.status)) {
      const to = item.state === 'messaged' ? 'resolved' : 'skipped';
      return (await repo.advanceItem(this.db, run.id, item.ticket_id, item.state, to, at())) ? to : null;
    }
    try {
      let version = item.version;
      if (item.state === 'pending') {
        const bodyHtml = message?.[locale] ?? CATALOG[locale].message;
        await this.conversation.post(ctx, item.ticket_id, 'reply', { bodyHtml }, async (trx) => {
          if (!(await repo.advanceItem(trx, run.id, item.ticket_id, 'pending', 'messaged', at())))
            throw new AppError('conflict', 'Another runner took this incident');
        });
        version += 1;
      }
      await this.tickets.apply(ctx, item.ticket_id, {
        version,
        status: 'resolved',
        resolutionCode: 'solved',
        resolutionNotes: message ? htmlToText(message[locale]).slice(0, 2000) : CATALOG[locale].notes,
      });
      return (await repo.advanceItem(this.db, run.id, item.ticket_id, 'messaged', 'resolved', at()))
        ? 'resolved'
        : null;
    } catch (error) {
      // Another runner (or a person) moved the ticket or the step first: the next run looks again.
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'version_conflict')) return null;
      if (!(error instanceof AppError)) throw error;
      // The ticket refuses (a transition, a rule): it is left to the desk, not retried for ever.
      const skipped = await repo.advanceItem(this.db, run.id, item.ticket_id, item.state, 'skipped', at());
      return skipped ? 'skipped' : null;
    }
  }

  private async recount(id: string): Promise<void> {
    const byState = new Map((await repo.itemCounts(this.db, id)).map((row) => [row.state, Number(row.count)] as const));
    const unfinished = (byState.get('pending') ?? 0) + (byState.get('messaged') ?? 0);
    const at = this.clock.now().toISOString();
    await repo.updateResolution(this.db, id, {
      resolved: byState.get('resolved') ?? 0,
      skipped: byState.get('skipped') ?? 0,
      updated_at: at,
      ...(unfinished === 0 ? { status: 'done' as const, finished_at: at } : {}),
    });
  }

  /** The job acts as whoever asked for the run: the replies and resolutions are theirs. */
  private async actingAs(userId: string): Promise<RequestContext> {
    const user = await this.users.findActiveById(userId);
    if (!user) throw new Error(`The user ${userId} who asked to resolve the incidents is no longer active`);
    return actingAs(user);
  }

  private async present(row: ProblemIncidentResolutionRow): Promise<IncidentResolution> {
    const byState = new Map((await repo.itemCounts(this.db, row.id)).map((r) => [r.state, Number(r.count)] as const));
    return {
      id: row.id,
      problemId: row.problem_id,
      requestedBy: row.requested_by_id,
      status: row.status,
      total: row.total,
      resolved: byState.get('resolved') ?? 0,
      skipped: byState.get('skipped') ?? 0,
      pending: (byState.get('pending') ?? 0) + (byState.get('messaged') ?? 0),
      createdAt: iso(row.created_at),
      finishedAt: row.finished_at ? iso(row.finished_at) : null,
    };
  }
}
