import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  Campaign,
  CampaignAnswerBody,
  CampaignSuggestion,
  CreateCampaignBody,
  PublicCampaignSurvey,
} from '../../../domain/contracts/campaigns.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { type Answers, checkAnswers } from '../../../domain/surveys/answers.js';
import { DEFAULT_CAMPAIGN_MONTHS, nextCampaignWindow } from '../../../domain/surveys/campaign-window.js';
import type { QuestionnaireDocument } from '../../../domain/surveys/questionnaire.js';
import type { CampaignInvitationRow, CampaignRow, DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { hashSecret, newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CampaignMailer } from '../mail/campaign-mailer.js';
import { campaignScopeOf } from './campaign-access.js';
import { CampaignInvitations, localeOf } from './campaign-invitations.js';
import { profileOf } from './campaign-response-profile.js';
import { present } from './campaigns.presenters.js';
import * as repo from './campaigns.repository.js';

const DAY = 86_400_000;

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
    mailer: CampaignMailer,
  ) {
    this.invitations = new CampaignInvitations(mailer);
  }

  private readonly invitations: CampaignInvitations;

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
    if (
      body.reminderDaysBeforeClose &&
      Date.parse(body.closesAt) - body.reminderDaysBeforeClose * DAY <= Date.parse(body.opensAt)
    )
      throw validationError([
        { field: 'reminderDaysBeforeClose', message: 'the reminder would go out before the campaign opens' },
      ]);
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
      reminder_days_before_close: body.reminderDaysBeforeClose ?? null,
      reminded_at: null,
    };
    return this.db.transaction().execute(async (trx) => {
      await repo.insertCampaign(trx, row);
      await this.record(trx, ctx, row, 'campaign.created', { ...present(row, undefined), responseRate: undefined });
      return present(row, undefined);
    });
  }

  /**
   * The next campaign the organization's agreements call for (their campaign months, read in the
   * first agreement's calendar zone; semiannual in UTC without an agreement) and the
   * questionnaire version it would freeze.
   */
  async suggestion(_ctx: RequestContext, organizationId: string): Promise<CampaignSuggestion> {
    if (!(await repo.organizationName(this.db, organizationId))) throw notFound('Organization');
    const calendars = await repo.campaignCalendarsOf(this.db, organizationId);
    const months = calendars.flatMap((row) =>
      row.campaign_months ? (JSON.parse(row.campaign_months) as number[]) : DEFAULT_CAMPAIGN_MONTHS,
    );
    const window = nextCampaignWindow(months, this.clock.now(), calendars[0]?.time_zone ?? 'UTC');
    const version = await repo.latestApprovedVersion(this.db, organizationId);
    return { ...window, questionnaireVersionId: version?.id ?? null };
  }

  /** Opens a draft or scheduled campaign now: invites its audience, each by mail in their language. */
  async open(ctx: RequestContext, id: string): Promise<Campaign> {
    return this.db.transaction().execute(async (trx) => {
      const campaign = await this.find(trx, ctx, id);
      if (campaign.state !== 'draft' && campaign.state !== 'scheduled')
        throw new AppError('conflict', `the campaign is ${campaign.state}: only a draft or scheduled campaign opens`);
      if (Date.parse(campaign.closes_at) <= this.clock.now().getTime())
        throw new AppError('conflict', 'the campaign closes in the past: change nothing, make a new one');
      const opened = await this.openRow(trx, ctx, campaign);
      if (!opened) throw new AppError('version_conflict');
      return present(opened.row, { invited: opened.invited, answered: 0 });
    });
  }

  /** Sets a draft to open by itself at its opensAt (the schedule job opens it), which must be ahead. */
  async schedule(ctx: RequestContext, id: string): Promise<Campaign> {
    const now = this.clock.now().getTime();
    return this.db.transaction().execute(async (trx) => {
      const campaign = await this.find(trx, ctx, id);
      if (campaign.state !== 'draft')
        throw new AppError('conflict', `the campaign is ${campaign.state}: only a draft campaign is scheduled`);
      if (Date.parse(campaign.opens_at) <= now)
        throw new AppError('conflict', 'opensAt has passed: open the campaign now, or make one that opens later');
      if (!(await repo.moveCampaign(trx, id, 'draft', { state: 'scheduled' }))) throw new AppError('version_conflict');
      const scheduled = { ...campaign, state: 'scheduled' };
      await this.record(trx, ctx, scheduled, 'campaign.scheduled', { opensAt: campaign.opens_at });
      return present(scheduled, undefined);
    });
  }

  /** Closes an open campaign; a scheduled one is cancelled (closed before anyone was invited). */
  async close(ctx: RequestContext, id: string): Promise<Campaign> {
    return this.db.transaction().execute(async (trx) => {
      const campaign = await this.find(trx, ctx, id);
      if (campaign.state === 'closed') throw new AppError('conflict', 'the campaign is already closed');
      const closed = await this.closeRow(trx, ctx, campaign);
      if (!closed) throw new AppError('version_conflict');
      return present(closed, (await repo.rates(trx, [id])).get(id));
    });
  }

  /** Mails those who have not answered, once per call, each with a fresh link. */
  async remind(ctx: RequestContext, id: string): Promise<{ reminded: number }> {
    return this.db.transaction().execute(async (trx) => {
      const campaign = await this.find(trx, ctx, id);
      if (campaign.state !== 'open')
        throw new AppError('conflict', `the campaign is ${campaign.state}: only an open one reminds`);
      const reminded = await this.invitations.remindUnanswered(trx, campaign, this.clock.now());
      await this.record(trx, ctx, campaign, 'campaign.reminded', { reminded });
      return { reminded };
    });
  }

  /**
   * The schedule job, in the order a campaign lives: opens scheduled campaigns whose opening has
   * come, sends the automatic reminders that are due, closes open campaigns past their close.
   * Each step claims its row with a conditional update, so two instances never do one twice.
   */
  async runSchedule(ctx: RequestContext) {
    return { opened: await this.openDue(ctx), reminded: await this.remindDue(ctx), closed: await this.closeDue(ctx) };
  }

  async openDue(ctx: RequestContext): Promise<number> {
    const now = this.clock.now();
    let opened = 0;
    for (const { id } of await repo.dueToOpen(this.db, now.toISOString())) {
      const done = await this.db.transaction().execute(async (trx) => {
        const campaign = await repo.findCampaign(trx, id);
        if (campaign?.state !== 'scheduled') return null;
        // Past its close already (the job was down for the whole window): close it, invite no one.
        if (Date.parse(campaign.closes_at) <= now.getTime()) return this.closeRow(trx, ctx, campaign).then(() => null);
        return this.openRow(trx, ctx, campaign);
      });
      if (done) opened += 1;
    }
    return opened;
  }

  /** Sends each due automatic reminder once: the campaign's reminded_at is claimed before any mail. */
  async remindDue(ctx: RequestContext): Promise<number> {
    const now = this.clock.now();
    let reminded = 0;
    for (const row of await repo.withAutomaticReminder(this.db)) {
      const remindAt = Date.parse(row.closes_at) - (row.reminder_days_before_close ?? 0) * DAY;
      // Not yet; or never, when the campaign opened after that moment (the invitation is fresh).
      if (remindAt > now.getTime() || remindAt < Date.parse(row.opened_at ?? row.closes_at)) continue;
      const id = row.id;
      const sent = await this.db.transaction().execute(async (trx) => {
        if (!(await repo.claimReminder(trx, id, now.toISOString()))) return false;
        const campaign = await repo.findCampaign(trx, id);
        if (!campaign) return false;
        const count = await this.invitations.remindUnanswered(trx, campaign, now);
        await this.record(trx, ctx, campaign, 'campaign.reminded', { reminded: count, automatic: true });
        return true;
      });
      if (sent) reminded += 1;
    }
    return reminded;
  }

  /** Closes every open campaign past its closing date; returns how many it closed. */
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

  /**
   * Demo data only: the first invited people answer, as their mailed links would have (whose
   * tokens the demo never sees): each invitation marked answered, its response anonymous with
   * the person's grouped profile, the answers checked against the frozen questions like a real one's.
   */
  async addDemoResponses(campaignId: string, responses: { answers: Answers; at: Date }[]) {
    await this.db.transaction().execute(async (trx) => {
      const campaign = await repo.findCampaign(trx, campaignId);
      const version = campaign && (await repo.findVersionById(trx, campaign.questionnaire_version_id));
      if (!campaign || !version) throw notFound('Campaign');
      const document = JSON.parse(version.document) as QuestionnaireDocument;
      const invitations = await repo.unanswered(trx, campaignId);
      for (const [i, { answers, at }] of responses.entries()) {
        const invitation = invitations[i];
        if (!invitation) throw new AppError('conflict', 'more demo responses than people invited');
        const issues = checkAnswers(document, answers);
        if (issues.length > 0) throw validationError(issues);
        await repo.markAnswered(trx, invitation.id, at.toISOString());
        await repo.insertResponse(trx, {
          id: randomUUID(),
          campaign_id: campaignId,
          invitation_id: null,
          user_id: null,
          profile: JSON.stringify(await profileOf(trx, invitation, campaign, at)),
          answers: JSON.stringify(answers),
          created_at: new Date(Math.floor(at.getTime() / DAY) * DAY).toISOString(),
        });
      }
    });
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

  /** Opens the campaign from its present state and invites its audience; null when someone moved it first. */
  private async openRow(trx: Kysely<DB>, ctx: RequestContext, campaign: CampaignRow) {
    const now = this.clock.now();
    const at = now.toISOString();
    if (!(await repo.moveCampaign(trx, campaign.id, campaign.state, { state: 'open', opened_at: at }))) return null;
    const invited = await this.invitations.invite(trx, campaign, now);
    const row = { ...campaign, state: 'open', opened_at: at };
    await this.record(trx, ctx, row, 'campaign.opened', { invited, from: campaign.state });
    return { row, invited };
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
