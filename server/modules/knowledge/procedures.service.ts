import type { Kysely } from 'kysely';
import type {
  CreateProcedureBody,
  Procedure,
  ProcedureActionBody,
  ProcedureListQuery,
  ProcedureVersion,
  Suggestion,
  SuggestionQuery,
  UpdateProcedureBody,
} from '../../../domain/contracts/procedures.js';
import { audiencesFor, changesReaders, procedureMove } from '../../../domain/support/procedures.js';
import { searchProcedures, writeProcedureSearch } from '../../db/procedure-search.js';
import type { DB, ProcedureTable } from '../../db/schema.js';
import { meaningfulTerms, queryTerms } from '../../db/search-terms.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isStaffContext, organizationScope } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CategoriesService } from '../categories/categories.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import * as repo from './procedures.repository.js';

/**
 * Procedures (knowledge articles): written and versioned by the desk, reviewed and published by a
 * supervisor, suggested while a ticket is logged or worked, and counted each time one is applied.
 */
export class ProceduresService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly categories: CategoriesService,
    private readonly organizations: OrganizationsService,
  ) {}

  private canReview(ctx: RequestContext): boolean {
    return ctx.principal?.roles.some((r) => r === 'supervisor' || r === 'admin') ?? false;
  }

  /**
   * Full procedures for the rows. Staff editing see the latest version; requesters, and anyone
   * being offered a procedure to follow, see the published one.
   */
  private async present(
    ctx: RequestContext,
    rows: repo.ProcedureListRow[],
    db: Kysely<DB> = this.db,
    content: 'latest' | 'published' = isStaffContext(ctx) ? 'latest' : 'published',
  ): Promise<Procedure[]> {
    const shown = rows.map((row) => ({
      row,
      number: content === 'latest' ? row.latest_version : (row.published_version ?? row.latest_version),
    }));
    const ids = rows.map((r) => r.id);
    const [versions, scopes, counts] = await Promise.all([
      repo.versionsOf(
        db,
        shown.map(({ row, number }) => ({ procedureId: row.id, number })),
      ),
      repo.scopesOf(db, ids),
      repo.applicationCounts(db, ids),
    ]);
    return shown.map(({ row, number }) => {
      const content = versions.find((v) => v.procedure_id === row.id && v.number === number);
      return {
        id: row.id,
        title: content?.title ?? '',
        summary: content?.summary ?? '',
        steps: JSON.parse(content?.steps ?? '[]'),
        audience: row.audience,
        specialty: row.specialty,
        status: row.status,
        shownVersion: number,
        latestVersion: row.latest_version,
        publishedVersion: row.published_version,
        serviceIds: scopes.filter((s) => s.procedure_id === row.id && s.service_id).map((s) => s.service_id as string),
        categoryIds: scopes
          .filter((s) => s.procedure_id === row.id && s.category_id)
          .map((s) => s.category_id as string),
        author: { id: row.author_id, name: row.author_name },
        reviewer: row.reviewer_id ? { id: row.reviewer_id, name: row.reviewer_name ?? '' } : null,
        timesApplied: Number(counts.find((c) => c.procedure_id === row.id)?.count ?? 0),
        version: row.version,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    });
  }

  /**
   * Requesters see published requester-facing procedures of their organization (or of every
   * organization) only; staff see every audience and status.
   */
  private visibility(ctx: RequestContext) {
    const staff = isStaffContext(ctx);
    return {
      audiences: audiencesFor(staff),
      statuses: staff ? undefined : (['published'] as const),
      organizationId: organizationScope(ctx),
    };
  }

  async get(ctx: RequestContext, id: string, db: Kysely<DB> = this.db): Promise<Procedure> {
    const rows = await repo.listProcedures(db, { ids: [id], ...this.visibility(ctx), limit: 1 });
    const [procedure] = await this.present(ctx, rows, db);
    if (!procedure) throw notFound('Procedure');
    return procedure;
  }

  async list(ctx: RequestContext, query: ProcedureListQuery) {
    const limit = query.limit ?? 50;
    const visibility = this.visibility(ctx);
    const audiences = query.audience ? visibility.audiences.filter((a) => a === query.audience) : visibility.audiences;
    const statuses = query.status
      ? (visibility.statuses ?? [query.status]).filter((s) => s === query.status)
      : visibility.statuses;
    const terms = query.q ? queryTerms(query.q) : [];
    if (terms.length > 0) {
      // Search answers one ranked page.
      const hits = await searchProcedures(this.db, terms, 'all', 200);
      const rows = await repo.listProcedures(this.db, {
        ids: hits.map((h) => h.procedureId),
        audiences,
        statuses,
        organizationId: visibility.organizationId,
        limit: 200,
      });
      const order = new Map(hits.map((h, i) => [h.procedureId, i]));
      rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return { items: await this.present(ctx, rows.slice(0, limit)), nextCursor: null };
    }
    const [afterId] = decodeCursor(query.cursor, ['id']) ?? [];
    const rows = await repo.listProcedures(this.db, {
      audiences,
      statuses,
      afterId: afterId === undefined ? undefined : String(afterId),
      organizationId: visibility.organizationId,
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => [row.id]);
    return { items: await this.present(ctx, page.items), nextCursor: page.nextCursor };
  }

  async versions(ctx: RequestContext, id: string): Promise<ProcedureVersion[]> {
    if (!isStaffContext(ctx)) throw new AppError('forbidden', 'Only the desk reads earlier versions');
    await this.get(ctx, id);
    const rows = await repo.allVersions(this.db, id);
    return rows.map((v) => ({
      number: v.number,
      title: v.title,
      summary: v.summary,
      steps: JSON.parse(v.steps),
      author: { id: v.author_id, name: v.author_name },
      createdAt: v.created_at,
    }));
  }

  private checkAudience(audience: string, specialty: string | null | undefined) {
    if (audience === 'L2' && !specialty)
      throw validationError([{ field: 'specialty', message: 'an L2 procedure names its specialty' }]);
  }

  /** Every service and category a procedure is linked to exists: an unknown id is the caller's 400, not a refused row. */
  private async checkScope(scope: { serviceIds?: readonly string[]; categoryIds?: readonly string[] }) {
    const issues = [];
    for (const id of scope.serviceIds ?? [])
      if (!(await this.organizations.findService(id)))
        issues.push({ field: 'serviceIds', message: `no such service: ${id}` });
    for (const id of scope.categoryIds ?? [])
      if (!(await this.categories.find(id))) issues.push({ field: 'categoryIds', message: `no such category: ${id}` });
    if (issues.length > 0) throw validationError(issues);
  }

  async create(ctx: RequestContext, body: CreateProcedureBody): Promise<Procedure> {
    this.checkAudience(body.audience, body.specialty);
    await this.checkScope(body);
    const at = this.clock.now();
    const authorId = ctx.principal?.userId ?? '';
    return this.db.transaction().execute(async (trx) => {
      const row: ProcedureTable = {
        id: newId(at.getTime()),
        search_key: await repo.nextSearchKey(trx),
        audience: body.audience,
        specialty: body.specialty ?? null,
        status: 'draft',
        latest_version: 1,
        published_version: null,
        author_id: authorId,
        reviewer_id: null,
        version: 1,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
      await repo.insertProcedure(trx, row);
      await this.writeVersion(trx, row, 1, body, authorId);
      await repo.replaceScopes(trx, row.id, { serviceIds: body.serviceIds ?? [], categoryIds: body.categoryIds ?? [] });
      const procedure = await this.get(ctx, row.id, trx);
      await this.audit.record(trx, ctx, {
        action: 'procedure.created',
        entityType: 'procedure',
        entityId: row.id,
        after: procedure,
      });
      return procedure;
    });
  }

  private async writeVersion(
    trx: Kysely<DB>,
    row: ProcedureTable,
    number: number,
    content: { title: string; summary: string; steps: string[] },
    authorId: string,
  ) {
    await repo.insertVersion(trx, {
      procedure_id: row.id,
      number,
      title: content.title.trim(),
      summary: content.summary.trim(),
      steps: JSON.stringify(content.steps.map((s) => s.trim())),
      author_id: authorId,
      created_at: this.clock.now().toISOString(),
    });
    // Until a version is published, search finds the draft; after, the published text.
    if (row.published_version === null) {
      await writeProcedureSearch(trx, {
        procedureId: row.id,
        searchKey: row.search_key,
        title: content.title,
        body: [content.summary, ...content.steps].join('\n'),
      });
    }
  }

  async update(ctx: RequestContext, id: string, body: UpdateProcedureBody): Promise<Procedure> {
    const { version, serviceIds, categoryIds, ...fields } = body;
    await this.checkScope(body);
    return this.db.transaction().execute(async (trx) => {
      const before = await this.get(ctx, id, trx);
      if (before.status === 'retired') throw new AppError('conflict', 'A retired procedure is not edited');
      this.checkAudience(
        fields.audience ?? before.audience,
        fields.specialty === undefined ? before.specialty : fields.specialty,
      );
      const contentChanged = fields.title !== undefined || fields.summary !== undefined || fields.steps !== undefined;
      const changes: Partial<ProcedureTable> = { updated_at: this.clock.now().toISOString() };
      if (fields.audience) changes.audience = fields.audience;
      if (fields.specialty !== undefined) changes.specialty = fields.specialty;
      if (contentChanged) {
        changes.latest_version = before.latestVersion + 1;
        // Edits under review go back to draft; a published procedure keeps serving its published version.
        if (before.status === 'in_review') changes.status = 'draft';
      }
      // Audience, services and categories say who may read the text, so changing them is an edit a
      // reviewer must see: the procedure goes back to draft and is served to no one (an L1 text is
      // never shown to requesters unreviewed, nor one organization's text to all) until it is
      // submitted and published again.
      if (before.status !== 'draft' && changesReaders(before, { audience: fields.audience, serviceIds, categoryIds }))
        changes.status = 'draft';
      const row = await repo.updateProcedure(trx, id, version, changes);
      if (!row) throw new AppError('version_conflict', `The procedure is at version ${before.version}, not ${version}`);
      if (contentChanged) {
        await this.writeVersion(
          trx,
          row,
          row.latest_version,
          {
            title: fields.title ?? before.title,
            summary: fields.summary ?? before.summary,
            steps: fields.steps ?? before.steps,
          },
          ctx.principal?.userId ?? '',
        );
      }
      if (serviceIds || categoryIds) {
        await repo.replaceScopes(trx, id, {
          serviceIds: serviceIds ?? before.serviceIds,
          categoryIds: categoryIds ?? before.categoryIds,
        });
      }
      const after = await this.get(ctx, id, trx);
      await this.audit.record(trx, ctx, {
        action: 'procedure.updated',
        entityType: 'procedure',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async act(ctx: RequestContext, id: string, body: ProcedureActionBody): Promise<Procedure> {
    return this.db.transaction().execute(async (trx) => {
      const before = await this.get(ctx, id, trx);
      const move = procedureMove(before.status, body.action, this.canReview(ctx));
      if ('issue' in move) throw validationError([{ field: 'action', message: move.issue }]);
      const changes: Partial<ProcedureTable> = { status: move.to, updated_at: this.clock.now().toISOString() };
      if (body.action === 'publish') {
        changes.published_version = before.latestVersion;
        changes.reviewer_id = ctx.principal?.userId ?? null;
      }
      const row = await repo.updateProcedure(trx, id, body.version, changes);
      if (!row)
        throw new AppError('version_conflict', `The procedure is at version ${before.version}, not ${body.version}`);
      if (body.action === 'publish') {
        await writeProcedureSearch(trx, {
          procedureId: id,
          searchKey: row.search_key,
          title: before.title,
          body: [before.summary, ...before.steps].join('\n'),
        });
      }
      const after = await this.get(ctx, id, trx);
      await this.audit.record(trx, ctx, {
        action: `procedure.${body.action}`,
        entityType: 'procedure',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Published procedures for what is being logged: linked to its category (or the category's
   * parent) or service, and matching its words — ranked with the category first, then the service,
   * then how well the text matches.
   */
  async suggest(ctx: RequestContext, query: SuggestionQuery): Promise<Suggestion[]> {
    const visibility = this.visibility(ctx);
    const audiences = query.audience ? visibility.audiences.filter((a) => a === query.audience) : visibility.audiences;
    const category = query.categoryId ? await this.categories.find(query.categoryId) : undefined;
    const categoryIds = [category?.id, category?.parentId].filter((c): c is string => !!c);
    const [hits, scoped] = await Promise.all([
      searchProcedures(this.db, meaningfulTerms(queryTerms(query.text ?? '')), 'any', 50),
      repo.idsForScope(this.db, query.serviceId ?? null, categoryIds),
    ]);
    const ids = [...new Set([...hits.map((h) => h.procedureId), ...scoped.map((s) => s.procedure_id)])];
    const rows = await repo.listProcedures(this.db, {
      ids,
      audiences,
      statuses: ['published'],
      organizationId: visibility.organizationId,
      limit: 100,
    });
    const procedures = await this.present(ctx, rows, this.db, 'published');
    const best = Math.max(1e-9, ...hits.map((h) => h.score));
    const ranked = procedures.map((procedure) => {
      const reasons: string[] = [];
      let score = 0;
      if (category && procedure.categoryIds.includes(category.id)) {
        score += 3;
        reasons.push('category');
      } else if (category?.parentId && procedure.categoryIds.includes(category.parentId)) {
        score += 2;
        reasons.push('category');
      }
      if (query.serviceId && procedure.serviceIds.includes(query.serviceId)) {
        score += 1;
        reasons.push('service');
      }
      const hit = hits.find((h) => h.procedureId === procedure.id);
      if (hit) {
        score += 2 * (hit.score / best);
        reasons.push('text');
      }
      return { procedure, score: Math.round(score * 1000) / 1000, reasons };
    });
    return ranked.sort((a, b) => b.score - a.score).slice(0, query.limit ?? 5);
  }

  /** The published procedure a ticket may record as applied, or a field error. */
  async publishedForApplying(ctx: RequestContext, id: string): Promise<Procedure> {
    const rows = await repo.listProcedures(this.db, {
      ids: [id],
      audiences: audiencesFor(true),
      statuses: ['published'],
      organizationId: null,
      limit: 1,
    });
    const [procedure] = await this.present(ctx, rows, this.db, 'published');
    if (!procedure) throw validationError([{ field: 'procedureId', message: 'no such published procedure' }]);
    return procedure;
  }

  async recordApplication(trx: Kysely<DB>, row: DB['procedure_applications']): Promise<void> {
    await repo.insertApplication(trx, row);
  }
}
