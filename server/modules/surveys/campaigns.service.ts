import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  Campaign,
  CampaignAnswerBody,
  CreateCampaignBody,
  PublicCampaignSurvey,
} from '../../../domain/contracts/campaigns.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { type Answers, checkAnswers } from '../../../domain/surveys/answers.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import type { CampaignInvitationRow, CampaignRow, DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CampaignMailer } from '../mail/campaign-mailer.js';
import { campaignScopeOf } from './campaign-access.js';
import { profileOf } from './campaign-response-profile.js';
import * as repo from './campaigns.repository.js';

const DAY = 86_400_000;

type Audience = { onlyUserIds?: string[]; excludeUserIds?: string[] };
const localeOf = (locale: string | null): 'es' | 'en' => (locale === 'en' ? 'en' : 'es');

/**
 * Survey campaigns. A campaign of one organization freezes an approved questionnaire version (by
 * its id, which never changes), and when it opens invites the organization's active requesters
 * and client managers (narrowed by the campaign's audience filter): one single-use token each,
 * stored only hashed, good until the close. In anonymous mode the response keeps no user and no
 * invitation, only the person's organization and role.
 */
export class CampaignsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    /** The mail module's port: invitations and reminders go to the outbox with the change. */
    private readonly mailer: CampaignMailer,
  ) {}

  async list(ctx: RequestContext, organizationId: string | undefined): Promise<Campaign[]> {
    // A client manager lists their organization's campaigns only, whatever the filter says.
    const scope = campaignScopeOf(ctx);
    if (!scope) throw notFound('Campaign');
    if (scope.organizationId !== undefined && organizationId !== undefined && organizationId !== scope.organizationId)
      return [];
    const rows = await repo.listCampaigns(this.db, scope.organizationId ?? organizationId);
    const rates = await repo.rates(
      this.db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => present(row, rates.get(row.id)));
  }

  async get(ctx: RequestContext, id: string): Promise<Campaign> {
    const scope = campaignScopeOf(ctx);
    const row = scope ? await repo.findCampaign(this.db, id, scope.organizationId) : undefined;
    if (!row) throw notFound('Campaign');
    const rates = await repo.rates(this.db, [id]);
    return present(row, rates.get(id));
  }

  async create(ctx: RequestContext, body: CreateCampaignBody): Promise<Campaign> {
    const version = await repo.findVersionById(this.db, body.questionnaireVersionId);
    if (!version || version.organization_id !== body.organizationId)
      throw validationError([
        { field: 'questionnaireVersionId', message: "no such questionnaire version of the campaign's organization" },
      ]);
    if (version.state !== 'approved')
      throw validationError([
        {
          field: 'questionnaireVersionId',
          message: `the version is ${version.state}: a campaign needs an approved one`,
        },
      ]);
    if (Date.parse(body.closesAt) <= Date.parse(body.opensAt))
      throw validationError([{ field: 'closesAt', message: 'must be after opensAt' }]);
    const now = this.clock.now();
    const row: CampaignRow = {
      id: newId(now.getTime()),
      organization_id: body.organizationId,
      questionnaire_version_id: version.id,
      name: body.name,
      opens_at: new Date(body.opensAt).toISOString(),
      closes_at: new Date(body.closesAt).toISOString(),
      anonymous: body.anonymous ? 1 : 0,
      state: 'draft',
      audience: JSON.stringify(body.audience ?? {}),
      created_by_id: ctx.principal?.userId ?? null,
      created_at: now.toISOString(),
      opened_at: null,
      closed_at: null,
    };
    return this.db.transaction().execute(async (trx) => {
      await repo.insertCampaign(trx, row);
      await this.record(trx, ctx, row, 'campaign.created', { ...present(row, undefined), responseRate: undefined });
      return present(row, undefined);
    });
  }

  /** Opens a draft campaign: invites its audience, each by mail in their language. */
  async open(ctx: RequestContext, id: string): Promise<Campaign> {
    const now = this.clock.now();
    const at = now.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const campaign = await this.find(trx, ctx, id);
      if (campaign.state !== 'draft')
        throw new AppError('conflict', `the campaign is ${campaign.state}: only a draft campaign opens`);
      if (Date.parse(campaign.closes_at) <= now.getTime())
        throw new AppError('conflict', 'the campaign closes in the past: change nothing, make a new one');
      if (!(await repo.moveCampaign(trx, id, 'draft', { state: 'open', opened_at: at })))
        throw new AppError('version_conflict');
      const audience = JSON.parse(campaign.audience) as Audience;
      const people = (await repo.audienceOf(trx, campaign.organization_id)).filter(
        (person) =>
          (!audience.onlyUserIds || audience.onlyUserIds.includes(person.id)) &&
          !audience.excludeUserIds?.includes(person.id),
      );
      const organization = await repo.organizationName(trx, campaign.organization_id);
      const invitations: (CampaignInvitationRow & { token: string })[] = people.map((person) => ({
        id: newId(now.getTime()),
        campaign_id: id,
        user_id: person.id,
        token: newSecret(),
        token_hash: '',
        locale: localeOf(person.locale),
        expires_at: campaign.closes_at,
        invited_at: at,
        reminded_at: null,
        answered_at: null,
      }));
      for (const invitation of invitations) invitation.token_hash = hashSecret(invitation.token);
      await repo.insertInvitations(
        trx,
        invitations.map(({ token: _token, ...row }) => row),
      );
      for (const [i, person] of people.entries())
        await this.mailer(
          trx,
          { email: person.email, name: person.name, locale: localeOf(person.locale) },
          {
            token: invitations[i]?.token ?? '',
            campaignName: campaign.name,
            organizationName: organization?.name ?? '',
            closesAt: campaign.closes_at,
            reminder: false,
          },
        );
      const opened = { ...campaign, state: 'open', opened_at: at };
      await this.record(trx, ctx, opened, 'campaign.opened', { invited: invitations.length });
      return present(opened, { invited: invitations.length, answered: 0 });
    });
  }

  async close(ctx: RequestContext, id: string): Promise<Campaign> {
    return this.db.transaction().execute(async (trx) => {
      const campaign = await this.find(trx, ctx, id);
      if (campaign.state === 'closed') throw new AppError('conflict', 'the campaign is already closed');
      const closed = await this.closeRow(trx, ctx, campaign);
      if (!closed) throw new AppError('version_conflict');
      return present(closed, (await repo.rates(trx, [id])).get(id));
    });
  }

  /**
   * Mails those who have not answered, once per call. Each reminder carries a fresh token (the
   * first one is known only as its hash, so it cannot be mailed again); the old link stops working.
   */
  async remind(ctx: RequestContext, id: string): Promise<{ reminded: number }> {
    const at = this.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const campaign = await this.find(trx, ctx, id);
      if (campaign.state !== 'open')
        throw new AppError('conflict', `the campaign is ${campaign.state}: only an open one reminds`);
      const pending = await repo.unanswered(trx, id);
      const organization = await repo.organizationName(trx, campaign.organization_id);
      const people = new Map((await repo.audienceOf(trx, campaign.organization_id)).map((p) => [p.id, p]));
      let reminded = 0;
      for (const invitation of pending) {
        const person = people.get(invitation.user_id);
        if (!person) continue; // no longer active: no mail
        const token = newSecret();
        if (!(await repo.remind(trx, invitation.id, hashSecret(token), at))) continue;
        reminded += 1;
        await this.mailer(
          trx,
          { email: person.email, name: person.name, locale: localeOf(invitation.locale) },
          {
            token,
            campaignName: campaign.name,
            organizationName: organization?.name ?? '',
            closesAt: campaign.closes_at,
            reminder: true,
          },
        );
      }
      await this.record(trx, ctx, campaign, 'campaign.reminded', { reminded });
      return { reminded };
    });
  }

  /** The job: closes every open campaign past its closing date; returns how many it closed. */
  async closeDue(ctx: RequestContext): Promise<number> {
    const due = await repo.dueToClose(this.db, this.clock.now().toISOString());
    let closed = 0;
    for (const { id } of due) {
      const done = await this.db.transaction().execute(async (trx) => {
        const campaign = await repo.findCampaign(trx, id);
        return campaign?.state === 'open' ? this.closeRow(trx, ctx, campaign) : null;
      });
      if (done) closed += 1;
    }
    return closed;
  }

  /** What the mailed link opens: the frozen questions, the organization's name, the person's language. */
  async publicSurvey(token: string): Promise<PublicCampaignSurvey> {
    const { invitation, campaign, document } = await this.byToken(this.db, token);
    const organization = await repo.organizationName(this.db, campaign.organization_id);
    return {
      state: invitation.answered_at ? 'answered' : this.expired(invitation, campaign) ? 'expired' : 'pending',
      campaignName: campaign.name,
      organizationName: organization?.name ?? '',
      language: localeOf(invitation.locale),
      anonymous: campaign.anonymous === 1,
      questionnaire: document,
      expiresAt: invitation.expires_at,
    };
  }

  async answerByToken(body: CampaignAnswerBody): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const { invitation, campaign, document } = await this.byToken(trx, body.token);
      if (invitation.answered_at) throw new AppError('conflict', 'this survey was already answered');
      if (this.expired(invitation, campaign)) throw new AppError('conflict', 'this survey is closed');
      const issues = checkAnswers(document, body.answers as Answers);
      if (issues.length > 0) throw validationError(issues);
      if (!(await repo.markAnswered(trx, invitation.id, now.toISOString())))
        throw new AppError('conflict', 'this survey was already answered');
      const profile = await profileOf(trx, invitation, campaign, now);
      const anonymous = campaign.anonymous === 1;
      // Anonymous: no person, no invitation, only the day, and a random (unordered) id, so neither
      // the id nor the time lines the response up with the invitation marked answered just now.
      const stamp = anonymous ? Math.floor(now.getTime() / DAY) * DAY : now.getTime();
      await repo.insertResponse(trx, {
        id: anonymous ? randomUUID() : newId(stamp),
        campaign_id: campaign.id,
        invitation_id: anonymous ? null : invitation.id,
        user_id: anonymous ? null : invitation.user_id,
        profile: JSON.stringify(profile),
        answers: JSON.stringify(body.answers),
        created_at: new Date(stamp).toISOString(),
      });
    });
  }

  private expired(invitation: CampaignInvitationRow, campaign: CampaignRow) {
    return campaign.state !== 'open' || Date.parse(invitation.expires_at) <= this.clock.now().getTime();
  }

  private async byToken(db: Kysely<DB>, token: string) {
    const invitation = await repo.findInvitationByHash(db, hashSecret(token));
    const campaign = invitation ? await repo.findCampaign(db, invitation.campaign_id) : undefined;
    const version = campaign ? await repo.findVersionById(db, campaign.questionnaire_version_id) : undefined;
    if (!invitation || !campaign || !version) throw notFound('Survey');
    return { invitation, campaign, document: JSON.parse(version.document) as QuestionnaireDocument };
  }

  private async closeRow(trx: Kysely<DB>, ctx: RequestContext, campaign: CampaignRow) {
    const at = this.clock.now().toISOString();
    if (!(await repo.moveCampaign(trx, campaign.id, campaign.state, { state: 'closed', closed_at: at }))) return null;
    const closed = { ...campaign, state: 'closed', closed_at: at };
    await this.record(trx, ctx, closed, 'campaign.closed', { from: campaign.state });
    return closed;
  }

  /** Only the desk sees campaigns; anyone else is told there is none. */
  private async find(db: Kysely<DB>, ctx: RequestContext, id: string) {
    const principal = ctx.principal;
    const row = await repo.findCampaign(db, id);
    if (!row || !principal || !rolesGrant(principal.roles, 'surveys.read')) throw notFound('Campaign');
    return row;
  }

  private record(trx: Kysely<DB>, ctx: RequestContext, row: CampaignRow, action: string, after: unknown) {
    return this.audit.record(trx, ctx, {
      action,
      entityType: 'campaign',
      entityId: row.id,
      organizationId: row.organization_id,
      before: null,
      after: { state: row.state, ...(after as object) },
    });
  }
}

function present(row: CampaignRow, rate: { invited: number; answered: number } | undefined): Campaign {
  const invited = rate?.invited ?? 0;
  const answered = rate?.answered ?? 0;
  return {
    id: row.id,
    organizationId: row.organization_id,
    questionnaireVersionId: row.questionnaire_version_id,
    name: row.name,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    anonymous: row.anonymous === 1,
    state: row.state as Campaign['state'],
    audience: JSON.parse(row.audience) as Audience,
    reminderDaysBeforeClose: null,
    remindedAt: null,
    createdById: row.created_by_id,
    createdAt: row.created_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    responseRate: { invited, answered, rate: invited === 0 ? 0 : answered / invited },
  };
}
