import type { Kysely } from 'kysely';
import type {
  CreateQuestionnaireBody,
  PatchVersionBody,
  Questionnaire,
  QuestionnaireComment,
  QuestionnaireVersion,
  VersionComparison,
} from '../../../domain/contracts/questionnaires.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { DEFAULT_CAMPAIGN_QUESTIONNAIRE } from '../../../domain/surveys/default-questionnaires.js';
import { type QuestionnaireDocument, questionsOf } from '../../../domain/surveys/questionnaire.js';
import { checkQuestionnaire, sharedQuestionIds } from '../../../domain/surveys/questionnaire-rules.js';
import {
  isEditable,
  isShareable,
  isUnderReview,
  REVIEWABLE_STATES,
} from '../../../domain/surveys/questionnaire-versions.js';
import type { DB, QuestionnaireRow, QuestionnaireVersionRow, QuestionnaireVersionTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import { frozen, present, presentVersion, stateOf } from './questionnaires.presenters.js';
import * as repo from './questionnaires.repository.js';

/** What a caller may see of an organization's questionnaires: all of it (the desk), what was shared (its client managers), or nothing. */
type Access = 'desk' | 'review' | null;

function accessTo(ctx: RequestContext, organizationId: string): Access {
  const principal = ctx.principal;
  if (!principal) return null;
  if (rolesGrant(principal.roles, 'surveys.read')) return 'desk';
  if (principal.roles.includes('client_manager') && principal.organizationId === organizationId) return 'review';
  return null;
}

const visibleTo = (access: Access, row: QuestionnaireVersionRow) =>
  access === 'desk' || (access === 'review' && REVIEWABLE_STATES.includes(stateOf(row)));

/**
 * Questionnaires designed with the client. The desk drafts an organization's questionnaire and
 * shares a version with the organization's client managers, who comment on it and approve it.
 * Only a draft changes: a shared or approved version is frozen (a campaign keeps its id), and a
 * later change is a new draft made from it. Anyone else, a client manager of another organization
 * included, is told the questionnaire does not exist.
 */
export class QuestionnairesService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(ctx: RequestContext, organizationId: string | undefined): Promise<Questionnaire[]> {
    const principal = ctx.principal;
    const desk = !!principal && rolesGrant(principal.roles, 'surveys.read');
    // Anyone but the desk and client managers is told there is nothing here at all.
    if (!desk && !(principal?.roles.includes('client_manager') && principal.organizationId))
      throw notFound('Questionnaire');
    // A client manager is confined to their organization, whatever the filter says.
    const scope = desk ? organizationId : (principal?.organizationId ?? undefined);
    if (!desk && organizationId !== undefined && organizationId !== scope) return [];
    const rows = await repo.listQuestionnaires(this.db, scope);
    const versions = await repo.versionsOf(
      this.db,
      rows.map((row) => row.id),
      desk ? undefined : REVIEWABLE_STATES,
    );
    return rows
      .filter((row) => accessTo(ctx, row.organization_id) !== null)
      .map((row) =>
        present(
          row,
          versions.filter((version) => version.questionnaire_id === row.id),
        ),
      )
      .filter((questionnaire) => desk || questionnaire.versions.length > 0);
  }

  async get(ctx: RequestContext, id: string): Promise<Questionnaire> {
    const { questionnaire, access } = await this.visible(this.db, ctx, id);
    const versions = await repo.versionsOf(this.db, [id]);
    return present(
      questionnaire,
      versions.filter((version) => visibleTo(access, version)),
    );
  }

  async version(ctx: RequestContext, id: string, number: number): Promise<QuestionnaireVersion> {
    const { questionnaire, version } = await this.visibleVersion(this.db, ctx, id, number);
    return presentVersion(questionnaire, version);
  }

  async create(ctx: RequestContext, body: CreateQuestionnaireBody): Promise<Questionnaire> {
    await this.organizations.get(ctx, body.organizationId).catch(() => {
      throw validationError([{ field: 'organizationId', message: 'no such organization' }]);
    });
    let document = DEFAULT_CAMPAIGN_QUESTIONNAIRE;
    if (body.copyFrom) {
      const source = await repo.findVersion(this.db, body.copyFrom.questionnaireId, body.copyFrom.number);
      if (!source) throw validationError([{ field: 'copyFrom', message: 'no such questionnaire version' }]);
      document = JSON.parse(source.document) as QuestionnaireDocument;
    }
    const now = this.clock.now();
    const at = now.toISOString();
    const row: QuestionnaireRow = {
      id: newId(now.getTime()),
      organization_id: body.organizationId,
      title: body.title,
      created_by_id: ctx.principal?.userId ?? null,
      created_at: at,
    };
    return this.db.transaction().execute(async (trx) => {
      await repo.insertQuestionnaire(trx, row);
      const version = await this.insertDraft(trx, ctx, row, 1, document, null);
      await this.audit.record(trx, ctx, {
        action: 'questionnaire.created',
        entityType: 'questionnaire',
        entityId: row.id,
        organizationId: row.organization_id,
        before: null,
        after: { title: row.title, copyFrom: body.copyFrom ?? null },
      });
      return present(row, [version]);
    });
  }

  /** A new draft, a copy of any version; the version it copies stays as it was. */
  async newVersion(ctx: RequestContext, id: string, fromNumber: number): Promise<QuestionnaireVersion> {
    return this.db.transaction().execute(async (trx) => {
      const { questionnaire, version: source } = await this.visibleVersion(trx, ctx, id, fromNumber);
      const number = (await repo.lastNumber(trx, id)) + 1;
      const version = await this.insertDraft(trx, ctx, questionnaire, number, JSON.parse(source.document), fromNumber);
      await this.recordVersion(trx, ctx, questionnaire, 'questionnaire.version_created', null, version);
      return presentVersion(questionnaire, version);
    });
  }

  async patch(ctx: RequestContext, id: string, number: number, body: PatchVersionBody): Promise<QuestionnaireVersion> {
    const issues = checkQuestionnaire(body.document).map((issue) => ({ ...issue, field: `document.${issue.field}` }));
    if (issues.length > 0) throw validationError(issues);
    return this.db.transaction().execute(async (trx) => {
      const { questionnaire, version: before } = await this.visibleVersion(trx, ctx, id, number);
      if (!isEditable(stateOf(before))) throw frozen(before);
      if (before.revision !== body.version) throw new AppError('version_conflict');
      const changes = {
        document: JSON.stringify(body.document),
        revision: before.revision + 1,
        updated_by_id: ctx.principal?.userId ?? null,
        updated_at: this.clock.now().toISOString(),
      };
      if (!(await repo.updateVersion(trx, before.id, { state: 'draft', revision: before.revision }, changes)))
        throw new AppError('version_conflict');
      const after = { ...before, ...changes };
      await this.recordVersion(trx, ctx, questionnaire, 'questionnaire.version_updated', before, after);
      return presentVersion(questionnaire, after);
    });
  }

  /** The desk shares a draft with the organization's client managers; from then on it is frozen. */
  async share(ctx: RequestContext, id: string, number: number): Promise<QuestionnaireVersion> {
    return this.move(ctx, id, number, 'questionnaire.version_shared', (version, at, by) => {
      if (!isShareable(stateOf(version))) throw frozen(version);
      return { state: 'shared', shared_at: at, shared_by_id: by };
    });
  }

  /** A client manager of the organization approves a shared version; the approved ones before it are superseded. */
  async approve(ctx: RequestContext, id: string, number: number): Promise<QuestionnaireVersion> {
    return this.move(ctx, id, number, 'questionnaire.version_approved', (version, at, by) => {
      if (!isUnderReview(stateOf(version)))
        throw new AppError(
          'conflict',
          `version ${version.number} is ${version.state}: only a shared version is approved`,
        );
      return { state: 'approved', approved_at: at, approved_by_id: by };
    });
  }

  private async move(
    ctx: RequestContext,
    id: string,
    number: number,
    action: string,
    next: (version: QuestionnaireVersionRow, at: string, by: string | null) => Partial<QuestionnaireVersionTable>,
  ): Promise<QuestionnaireVersion> {
    const at = this.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const { questionnaire, version: before, access } = await this.visibleVersion(trx, ctx, id, number);
      // Approving is the client's word: the desk cannot give it for them.
      if (action === 'questionnaire.version_approved' && access !== 'review') throw notFound('Questionnaire');
      const changes = { ...next(before, at, ctx.principal?.userId ?? null), updated_at: at };
      if (changes.state === 'approved') {
        const later = await repo.laterApproved(trx, id, number);
        if (later !== null)
          throw new AppError('conflict', `version ${later} is already approved; approve a version after it`);
      }
      if (!(await repo.updateVersion(trx, before.id, { state: before.state }, changes)))
        throw new AppError('version_conflict');
      if (changes.state === 'approved') await repo.supersedeBefore(trx, id, number, at);
      const after = { ...before, ...changes };
      await this.recordVersion(trx, ctx, questionnaire, action, before, after);
      return presentVersion(questionnaire, after);
    });
  }

  async comments(ctx: RequestContext, id: string, number: number): Promise<QuestionnaireComment[]> {
    const { version } = await this.visibleVersion(this.db, ctx, id, number);
    const rows = await repo.commentsOf(this.db, version.id);
    return rows.map((row) => ({
      id: row.id,
      versionNumber: version.number,
      authorId: row.author_id,
      authorName: row.author_name,
      body: row.body,
      createdAt: row.created_at,
    }));
  }

  /** The organization's client managers and the desk talk over a shared version. */
  async comment(ctx: RequestContext, id: string, number: number, body: string): Promise<QuestionnaireComment> {
    const principal = ctx.principal;
    if (!principal) throw notFound('Questionnaire');
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const { questionnaire, version, access } = await this.visibleVersion(trx, ctx, id, number);
      if (access === 'desk' && !rolesGrant(principal.roles, 'surveys.manage')) throw notFound('Questionnaire');
      if (!isUnderReview(stateOf(version)))
        throw new AppError(
          'conflict',
          `version ${version.number} is ${version.state}: comments go on a shared version`,
        );
      const row = {
        id: newId(now.getTime()),
        version_id: version.id,
        author_id: principal.userId,
        body,
        created_at: now.toISOString(),
      };
      await repo.insertComment(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'questionnaire.commented',
        entityType: 'questionnaire',
        entityId: questionnaire.id,
        organizationId: questionnaire.organization_id,
        before: null,
        after: { number: version.number, commentId: row.id, body },
      });
      return {
        id: row.id,
        versionNumber: version.number,
        authorId: principal.userId,
        authorName: principal.name,
        body,
        createdAt: row.created_at,
      };
    });
  }

  /** Which questions two versions share (their results compare) and which only one asks. */
  async compare(ctx: RequestContext, id: string, from: number, to: number): Promise<VersionComparison> {
    const a = await this.visibleVersion(this.db, ctx, id, from);
    const b = await this.visibleVersion(this.db, ctx, id, to);
    const docA = JSON.parse(a.version.document) as QuestionnaireDocument;
    const docB = JSON.parse(b.version.document) as QuestionnaireDocument;
    const shared = sharedQuestionIds(docA, docB);
    const apart = (document: QuestionnaireDocument) =>
      questionsOf(document)
        .map((question) => question.id)
        .filter((questionId) => !shared.includes(questionId));
    return { from, to, shared, onlyInFrom: apart(docA), onlyInTo: apart(docB) };
  }

  private async visible(db: Kysely<DB>, ctx: RequestContext, id: string) {
    const questionnaire = await repo.findQuestionnaire(db, id);
    const access = questionnaire ? accessTo(ctx, questionnaire.organization_id) : null;
    if (!questionnaire || !access) throw notFound('Questionnaire');
    if (access === 'review') {
      const shown = await repo.versionsOf(db, [id], REVIEWABLE_STATES);
      if (shown.length === 0) throw notFound('Questionnaire');
    }
    return { questionnaire, access };
  }

  private async visibleVersion(db: Kysely<DB>, ctx: RequestContext, id: string, number: number) {
    const { questionnaire, access } = await this.visible(db, ctx, id);
    const version = await repo.findVersion(db, id, number);
    if (!version || !visibleTo(access, version)) throw notFound('Questionnaire version');
    return { questionnaire, version, access };
  }

  private async insertDraft(
    trx: Kysely<DB>,
    ctx: RequestContext,
    questionnaire: QuestionnaireRow,
    number: number,
    document: QuestionnaireDocument,
    basedOn: number | null,
  ): Promise<QuestionnaireVersionRow> {
    const now = this.clock.now();
    const by = ctx.principal?.userId ?? null;
    const row: QuestionnaireVersionRow = {
      id: newId(now.getTime()),
      questionnaire_id: questionnaire.id,
      number,
      state: 'draft',
      document: JSON.stringify(document),
      based_on_number: basedOn,
      revision: 1,
      created_by_id: by,
      created_at: now.toISOString(),
      updated_by_id: by,
      updated_at: now.toISOString(),
      shared_by_id: null,
      shared_at: null,
      approved_by_id: null,
      approved_at: null,
      superseded_at: null,
    };
    await repo.insertVersion(trx, row);
    return row;
  }

  private recordVersion(
    trx: Kysely<DB>,
    ctx: RequestContext,
    questionnaire: QuestionnaireRow,
    action: string,
    before: QuestionnaireVersionRow | null,
    after: QuestionnaireVersionRow,
  ) {
    const snapshot = (row: QuestionnaireVersionRow) => ({
      number: row.number,
      state: row.state,
      document: row.document,
      basedOnNumber: row.based_on_number,
    });
    return this.audit.record(trx, ctx, {
      action,
      entityType: 'questionnaire',
      entityId: questionnaire.id,
      organizationId: questionnaire.organization_id,
      before: before ? snapshot(before) : null,
      after: snapshot(after),
    });
  }
}
