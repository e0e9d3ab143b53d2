import type { Kysely } from 'kysely';
import type {
  AnswerSurveyBody,
  PublicSurvey,
  PutTicketSurveySettingsBody,
  TicketSatisfaction,
  TicketSurveySettings,
} from '../../../domain/contracts/surveys.js';
import { isStaff } from '../../../domain/roles.js';
import { type Answers, checkAnswers } from '../../../domain/surveys/answers.js';
import { DEFAULT_CAMPAIGN_MONTHS } from '../../../domain/surveys/campaign-window.js';
import { DEFAULT_TICKET_SURVEY } from '../../../domain/surveys/default-questionnaires.js';
import { type QuestionnaireDocument, questionsOf } from '../../../domain/surveys/questionnaire.js';
import { checkQuestionnaire } from '../../../domain/surveys/questionnaire-rules.js';
import { TICKET_TYPES } from '../../../domain/tickets/ticket-types.js';
import type { DB, TicketSurveyRow, TicketSurveySettingsTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { hashSecret, newId, newSecret } from '../../platform/ids.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import type { TicketReadsService } from '../tickets/ticket-reads.service.js';
import type { UsersService } from '../users/users.service.js';
import * as repo from './ticket-surveys.repository.js';

/** How long a survey can be answered after the resolution it asks about. */
export const SURVEY_DAYS = 30;
const DAY = 86_400_000;

/** An agreement without settings asks every ticket type the default two questions. */
const DEFAULT_SETTINGS = {
  enabled: 1,
  ticket_types: JSON.stringify(TICKET_TYPES),
  document: JSON.stringify(DEFAULT_TICKET_SURVEY),
  ask_again_after_reopen: 0,
  low_rating: 2,
  campaign_months: JSON.stringify(DEFAULT_CAMPAIGN_MONTHS),
  version: 0,
  updated_by_id: null,
  updated_at: null,
};

type Settings = Omit<TicketSurveySettingsTable, 'agreement_id' | 'updated_at'> & { updated_at: string | null };

const firstOfKind = (document: QuestionnaireDocument, answers: Answers, kind: 'rating' | 'text') => {
  const question = questionsOf(document).find((q) => q.kind === kind && answers[q.id] !== undefined);
  return question ? answers[question.id] : undefined;
};

/**
 * The satisfaction survey after each ticket: asked when a ticket is resolved (once, or again
 * after a reopen where the agreement says so), answered on the portal or by the mailed link,
 * checked against the questions as they were asked, and a low rating told to the group lead and
 * the supervisors, whose follow-up with the requester goes on the ticket.
 */
export class TicketSurveysService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly history: TicketHistory,
    private readonly tickets: TicketReadsService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  private async settingsOf(db: Kysely<DB>, agreementId: string): Promise<Settings> {
    return (await repo.findSettings(db, agreementId)) ?? DEFAULT_SETTINGS;
  }

  async settings(agreementId: string): Promise<TicketSurveySettings> {
    return present(agreementId, await this.settingsOf(this.db, agreementId));
  }

  async putSettings(ctx: RequestContext, agreementId: string, body: PutTicketSurveySettingsBody) {
    const issues = checkQuestionnaire(body.questionnaire, { forTicket: true }).map((issue) => ({
      ...issue,
      field: `questionnaire.${issue.field}`,
    }));
    if (body.enabled && body.ticketTypes.length === 0)
      issues.push({ field: 'ticketTypes', message: 'choose at least one ticket type, or turn the survey off' });
    if (!questionsOf(body.questionnaire).some((question) => question.kind === 'rating'))
      issues.push({ field: 'questionnaire', message: 'needs a 1–5 rating: it is what the figures count' });
    if (issues.length > 0) throw validationError(issues);
    const at = this.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const agreement = await trx
        .selectFrom('agreements')
        .select(['id', 'organization_id'])
        .where('id', '=', agreementId)
        .executeTakeFirst();
      if (!agreement) throw notFound('agreement');
      const before = await repo.findSettings(trx, agreementId);
      if (body.version !== undefined && body.version !== (before?.version ?? 0)) throw new AppError('version_conflict');
      const row: TicketSurveySettingsTable = {
        agreement_id: agreementId,
        enabled: body.enabled ? 1 : 0,
        ticket_types: JSON.stringify(body.ticketTypes),
        document: JSON.stringify(body.questionnaire),
        ask_again_after_reopen: body.askAgainAfterReopen ? 1 : 0,
        low_rating: body.lowRating,
        campaign_months: body.campaignMonths
          ? JSON.stringify([...body.campaignMonths].sort((a, b) => a - b))
          : (before?.campaign_months ?? DEFAULT_SETTINGS.campaign_months),
        version: (before?.version ?? 0) + 1,
        updated_by_id: ctx.principal?.userId ?? null,
        updated_at: at,
      };
      if (!before) await repo.insertSettings(trx, row);
      else if (!(await repo.updateSettings(trx, row, before.version))) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, {
        action: 'ticket_survey.updated',
        entityType: 'agreement',
        entityId: agreementId,
        organizationId: agreement.organization_id,
        before: before ? snapshot(before) : null,
        after: snapshot(row),
      });
      return present(agreementId, row);
    });
  }

  /**
   * The survey for the ticket's current resolution, made if the agreement asks for one; null when
   * it does not. Idempotent within a resolution: the history observer and the resolution mail both
   * call it in the resolving transaction, and the first makes it.
   */
  async ensureSurvey(trx: Kysely<DB>, ticketId: string): Promise<TicketSurveyRow | null> {
    const ticket = await repo.ticketFacts(trx, ticketId);
    if (!ticket?.resolved_at || ticket.status !== 'resolved' || !ticket.agreement_id) return null;
    const existing = await repo.surveyOfResolution(trx, ticketId, ticket.resolved_at);
    if (existing) return existing;
    const settings = await this.settingsOf(trx, ticket.agreement_id);
    if (!settings.enabled || !(JSON.parse(settings.ticket_types) as string[]).includes(ticket.type)) return null;
    if (!settings.ask_again_after_reopen && (await repo.latestSurvey(trx, ticketId))) return null;
    const now = this.clock.now();
    await repo.insertSurvey(trx, {
      id: newId(now.getTime()),
      ticket_id: ticketId,
      resolved_at: ticket.resolved_at,
      document: settings.document,
      token_hash: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SURVEY_DAYS * DAY).toISOString(),
      answered_at: null,
      answered_by_id: null,
      answers: null,
      rating: null,
      comment: null,
    });
    return (await repo.surveyOfResolution(trx, ticketId, ticket.resolved_at)) ?? null;
  }

  /**
   * A fresh single-use link token for the resolution mail, or null when no survey is asked. Only
   * its hash is kept; a second call (a resent mail) replaces it, so only the latest link works.
   */
  async issueToken(trx: Kysely<DB>, ticketId: string): Promise<string | null> {
    const survey = await this.ensureSurvey(trx, ticketId);
    if (!survey || survey.answered_at) return null;
    const token = newSecret();
    await repo.setTokenHash(trx, survey.id, hashSecret(token));
    return token;
  }

  /** The ticket's latest survey, for its requester (and only theirs) and the desk. */
  async satisfactionOf(ctx: RequestContext, ticketId: string): Promise<TicketSatisfaction> {
    await this.tickets.get(ctx, ticketId);
    const survey = await repo.latestSurvey(this.db, ticketId);
    if (!survey) return { state: 'not_asked', survey: null };
    const low = survey.rating !== null && survey.rating <= (await this.lowMarkOf(this.db, ticketId));
    return {
      state: this.stateOf(survey),
      survey: {
        id: survey.id,
        questionnaire: JSON.parse(survey.document),
        resolvedAt: survey.resolved_at,
        expiresAt: survey.expires_at,
        answeredAt: survey.answered_at,
        answers: survey.answers ? JSON.parse(survey.answers) : null,
        rating: survey.rating,
        comment: survey.comment,
        low,
      },
    };
  }

  /** The rating at or below which the ticket's agreement counts an answer as low. */
  private async lowMarkOf(db: Kysely<DB>, ticketId: string): Promise<number> {
    const ticket = await repo.ticketFacts(db, ticketId);
    return ticket?.agreement_id
      ? (await this.settingsOf(db, ticket.agreement_id)).low_rating
      : DEFAULT_SETTINGS.low_rating;
  }

  /** The requester answers on the portal, signed in: their own ticket's latest survey. */
  async answerOnPortal(ctx: RequestContext, ticketId: string, body: AnswerSurveyBody): Promise<TicketSatisfaction> {
    const ticket = await this.tickets.get(ctx, ticketId);
    if (!ctx.principal || ctx.principal.userId !== ticket.requester.id || isStaff(ctx.principal.roles))
      throw new AppError('forbidden', 'only the requester answers the survey of their ticket');
    const survey = await repo.latestSurvey(this.db, ticketId);
    if (!survey) throw notFound('survey');
    await this.answer(survey, body.answers, ctx.principal.userId);
    return this.satisfactionOf(ctx, ticketId);
  }

  /** Surveys waiting for an answer, oldest first, with whom they ask. */
  unanswered(limit: number) {
    return repo.unansweredSurveys(this.db, limit);
  }

  /** What the mailed link opens; 404 for a token that never was (or was replaced by a later mail). */
  async publicSurvey(token: string): Promise<PublicSurvey> {
    const survey = await repo.surveyByTokenHash(this.db, hashSecret(token));
    if (!survey) throw notFound('survey');
    const ticket = await repo.ticketFacts(this.db, survey.ticket_id);
    if (!ticket) throw notFound('survey');
    const state = this.stateOf(survey);
    return {
      state: state === 'not_asked' ? 'pending' : state,
      ticketNumber: ticket.number,
      subject: ticket.subject,
      language: ticket.locale === 'en' ? 'en' : 'es',
      questionnaire: JSON.parse(survey.document),
      expiresAt: survey.expires_at,
    };
  }

  async answerByToken(token: string, body: AnswerSurveyBody): Promise<void> {
    const survey = await repo.surveyByTokenHash(this.db, hashSecret(token));
    if (!survey) throw notFound('survey');
    await this.answer(survey, body.answers, null);
  }

  /** Checks the answers against the questions as asked and stores them once; a second answer is refused. */
  private async answer(survey: TicketSurveyRow, answers: Answers, answeredById: string | null): Promise<void> {
    const state = this.stateOf(survey);
    if (state === 'answered') throw new AppError('conflict', 'This survey was already answered. Thank you!');
    if (state === 'expired') throw new AppError('conflict', 'This survey closed; it can no longer be answered.');
    const document = JSON.parse(survey.document) as QuestionnaireDocument;
    const issues = checkAnswers(document, answers);
    if (issues.length > 0) throw validationError(issues);
    const rating = firstOfKind(document, answers, 'rating');
    const comment = firstOfKind(document, answers, 'text');
    await this.db.transaction().execute(async (trx) => {
      const stored = await repo.storeAnswers(trx, survey.id, {
        answered_at: this.clock.now().toISOString(),
        answered_by_id: answeredById,
        answers: JSON.stringify(answers),
        rating: typeof rating === 'number' ? rating : null,
        comment: typeof comment === 'string' && comment.trim() ? comment.trim() : null,
      });
      if (!stored) throw new AppError('conflict', 'This survey was already answered. Thank you!');
      // By the link, too, the answer is the requester's: the link went to them alone.
      const requesterId = answeredById ?? (await repo.ticketFacts(trx, survey.ticket_id))?.requester_id ?? null;
      await this.history.record(trx, systemContext, survey.ticket_id, {
        kind: 'satisfaction_answered',
        internal: true,
        actorId: requesterId,
        changes: [
          { field: 'rating', from: null, to: typeof rating === 'number' ? rating : null },
          ...(typeof comment === 'string' && comment.trim()
            ? [{ field: 'comment', from: null, to: comment.trim() }]
            : []),
        ],
      });
      if (typeof rating === 'number') await this.alertIfLow(trx, survey.ticket_id, rating);
    });
  }

  /** A rating at or below the agreement's mark tells the ticket's group lead and the supervisors. */
  private async alertIfLow(trx: Kysely<DB>, ticketId: string, rating: number): Promise<void> {
    if (rating > (await this.lowMarkOf(trx, ticketId))) return;
    const ticket = await repo.ticketFacts(trx, ticketId);
    const lead = await repo.groupLeadOf(trx, ticket?.group_id ?? null);
    const people = [...(lead ? [lead] : []), ...(await this.users.activeIdsWithRole('supervisor', trx))];
    await this.notifications.notify(trx, people, {
      ticket_id: ticketId,
      kind: 'low_satisfaction',
      target: null,
      percent: rating,
    });
  }

  /** Closing the loop: what the lead or supervisor agreed with an unhappy requester, on the ticket. */
  async followUp(ctx: RequestContext, ticketId: string, note: string): Promise<void> {
    await this.tickets.get(ctx, ticketId);
    const survey = await repo.latestSurvey(this.db, ticketId);
    if (!survey?.answered_at) throw new AppError('conflict', 'the requester has not answered a survey on this ticket');
    await this.db.transaction().execute(async (trx) => {
      await this.history.record(trx, ctx, ticketId, {
        kind: 'satisfaction_follow_up',
        internal: true,
        changes: [
          { field: 'note', from: null, to: note.trim() },
          { field: 'rating', from: null, to: survey.rating },
        ],
      });
    });
  }

  private stateOf(survey: TicketSurveyRow): TicketSatisfaction['state'] {
    if (survey.answered_at) return 'answered';
    return Date.parse(survey.expires_at) <= this.clock.now().getTime() ? 'expired' : 'pending';
  }
}

function present(agreementId: string, row: Settings): TicketSurveySettings {
  return {
    agreementId,
    enabled: row.enabled === 1,
    ticketTypes: JSON.parse(row.ticket_types),
    questionnaire: JSON.parse(row.document),
    askAgainAfterReopen: row.ask_again_after_reopen === 1,
    lowRating: row.low_rating,
    campaignMonths: JSON.parse(row.campaign_months),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

const snapshot = (row: Settings) => ({
  enabled: row.enabled === 1,
  ticketTypes: row.ticket_types,
  questions: questionsOf(JSON.parse(row.document)).length,
  askAgainAfterReopen: row.ask_again_after_reopen === 1,
  lowRating: row.low_rating,
  campaignMonths: row.campaign_months,
});
