import { join } from 'node:path';
import type { Config, MailConfig, WebhooksConfig } from './config.js';
import { ConfigCache } from './db/config-cache.js';
import type { Database } from './db/connect.js';
import { KpiTargetsService } from './modules/analysis/kpi-targets.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { MfaService } from './modules/auth/mfa.service.js';
import { OidcService } from './modules/auth/oidc.service.js';
import { PasswordResetService } from './modules/auth/password-reset.service.js';
import { RequestLimiter } from './modules/auth/request-limiter.js';
import { SessionsService } from './modules/auth/sessions.service.js';
import { CategoriesService } from './modules/categories/categories.service.js';
import { JobsService } from './modules/jobs/jobs.service.js';
import { CannedResponsesService } from './modules/knowledge/canned-responses.service.js';
import { ProcedureApplicationsService } from './modules/knowledge/procedure-applications.service.js';
import { ProceduresService } from './modules/knowledge/procedures.service.js';
import { BounceRecorder } from './modules/mail/bounce-recorder.js';
import { campaignMailer } from './modules/mail/campaign-mailer.js';
import { MailAdminService } from './modules/mail/mail-admin.service.js';
import { MailIntakeService } from './modules/mail/mail-intake.service.js';
import { MailOutboxService } from './modules/mail/mail-outbox.service.js';
import { MailProcessorService } from './modules/mail/mail-processor.service.js';
import { MailTemplatesService } from './modules/mail/mail-templates.service.js';
import { TicketMailAdditions } from './modules/mail/ticket-mail-additions.js';
import { WithheldFilesService } from './modules/mail/withheld-files.service.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { OrganizationsService } from './modules/organizations/organizations.service.js';
import { KnownErrorsService } from './modules/problems/known-errors.service.js';
import { ProblemCandidatesService } from './modules/problems/problem-candidates.service.js';
import { ProblemHistory } from './modules/problems/problem-history.js';
import { ProblemIncidentsService } from './modules/problems/problem-incidents.service.js';
import { ProblemResolutionService } from './modules/problems/problem-resolution.service.js';
import { ProblemSlaRecords } from './modules/problems/problem-sla-records.js';
import { ProblemsService } from './modules/problems/problems.service.js';
import { ProblemsOfTickets } from './modules/problems/problems-of-tickets.js';
import { QuarantineService } from './modules/quarantine/quarantine.service.js';
import { SecurityLogService } from './modules/security-log/security-log.service.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { AgreementsService } from './modules/sla/agreements.service.js';
import { ProblemSlaService } from './modules/sla/problem-sla.service.js';
import { ProblemSlaDetectionService } from './modules/sla/problem-sla-detection.service.js';
import { SlaService } from './modules/sla/sla.service.js';
import { SlaDetectionService } from './modules/sla/sla-detection.service.js';
import { SlaRecalculationService } from './modules/sla/sla-recalculation.service.js';
import { CommitmentsService } from './modules/supervision/commitments.service.js';
import { SupervisionService } from './modules/supervision/supervision.service.js';
import { EscalationsService } from './modules/support/escalations.service.js';
import { GroupsService } from './modules/support/groups.service.js';
import { RoutingService } from './modules/support/routing.service.js';
import { CampaignResultsService } from './modules/surveys/campaign-results.service.js';
import { CampaignsService } from './modules/surveys/campaigns.service.js';
import { QuestionnairesService } from './modules/surveys/questionnaires.service.js';
import { SatisfactionFiguresService } from './modules/surveys/satisfaction-figures.service.js';
import { TicketSurveysService } from './modules/surveys/ticket-surveys.service.js';
import { ConversationService } from './modules/tickets/conversation.service.js';
import { TicketHistory } from './modules/tickets/ticket-history.js';
import { TicketLinksService } from './modules/tickets/ticket-links.service.js';
import { TicketReadsService } from './modules/tickets/ticket-reads.service.js';
import { TicketsService } from './modules/tickets/tickets.service.js';
import { UsersService } from './modules/users/users.service.js';
import { WebhooksService } from './modules/webhooks/webhooks.service.js';
import { observeOfModules } from './modules.js';
import { clamdScanner, parseClamdAddress } from './platform/clamd.js';
import type { Clock } from './platform/clock.js';
import { EventBus } from './platform/event-bus.js';
import { loadPasswordPolicy } from './platform/password-policy.js';
import { SecretBox } from './platform/secret-box.js';
import { localStorage } from './platform/storage.js';

/** No listener, no relay: Mesa takes mail only over HTTP (when a token is set) and sends none. */
const NO_MAIL: MailConfig = {
  listenPort: null,
  listenHost: '127.0.0.1',
  relayUrl: null,
  from: 'Mesa de Servicio <mesa@localhost>',
  inboundToken: null,
  publicUrl: null,
  imap: null,
};

/** The composition root: each service gets only what it uses. */
export function buildServices(
  database: Database,
  clock: Clock,
  config: Pick<Config, 'sessionTtlHours' | 'dataDir'> &
    Partial<Pick<Config, 'sessionMaxHours' | 'mfaRequiredFor'>> & {
      mail?: MailConfig;
      webhooks?: WebhooksConfig;
      oidcOptions?: { allowHttpIssuer: boolean };
      clamd?: string | null;
      /** Seals the secrets Mesa reads back (MESA_SECRET_KEY, server/db/secret-key.ts); absent, none can be stored. */
      secrets?: SecretBox;
    },
) {
  // The list of common passwords is read at start, not on the first password someone sets.
  loadPasswordPolicy();
  const mailConfig = config.mail ?? NO_MAIL;
  const { db } = database;
  const secrets = config.secrets ?? new SecretBox(null);
  const bus = new EventBus();
  const configCache = new ConfigCache();
  const audit = new AuditService(db, clock);
  const organizations = new OrganizationsService(db, clock, audit, configCache);
  const securityLog = new SecurityLogService(db, clock);
  const sessions = new SessionsService(
    db,
    clock,
    audit,
    securityLog,
    config.sessionTtlHours,
    config.sessionMaxHours,
    (ended) => bus.endCredentials(ended),
  );
  const settings = new SettingsService(db, clock, audit, configCache, {
    mfaRequiredFor: config.mfaRequiredFor ?? null,
  });
  const mfa = new MfaService(db, clock, audit, () => settings.mfaRequiredFor(), secrets);
  const users = new UsersService(db, clock, audit, organizations, sessions, securityLog);
  const auth = new AuthService(db, clock, users, sessions, organizations, securityLog);
  const passwordResets = new PasswordResetService(db, clock, users, securityLog);
  const oidc = new OidcService(db, clock, audit, users, organizations, config.oidcOptions, secrets);
  const categories = new CategoriesService(db, clock, audit, organizations, configCache);
  const sla = new SlaService(clock, configCache);
  const history = new TicketHistory(clock, bus, sla);
  const recalculations = new SlaRecalculationService(db, clock, history);
  // Problems' deadlines follow their organizations' agreements (the problems module, built below).
  const agreements = new AgreementsService(db, clock, audit, organizations, recalculations, (trx, ids) =>
    problemSla.refreshOrganizations(trx, ids),
  );
  const notifications = new NotificationsService(db, clock);
  const slaDetection = new SlaDetectionService(db, clock, sla, history, notifications);
  const routing = new RoutingService(categories, agreements, clock, configCache);
  const groups = new GroupsService(db, clock, audit, users, routing);
  // The problems behind a ticket, for its page and its requester's mail (the tickets module's TicketProblems port).
  const ticketProblems = new ProblemsOfTickets();
  const ticketReads = new TicketReadsService(db, clock, settings, routing, history, sla, ticketProblems);
  const tickets = new TicketsService({
    db,
    clock,
    reads: ticketReads,
    history,
    users,
    organizations,
    categories,
    settings,
    routing,
  });
  const storage = localStorage(join(config.dataDir, 'files'));
  const clamd = config.clamd ? parseClamdAddress(config.clamd) : null;
  const conversation = new ConversationService(db, clock, storage, ticketReads, tickets, history, {
    scanner: clamd ? clamdScanner(clamd) : null,
  });
  const quarantine = new QuarantineService(db, audit, storage);
  const links = new TicketLinksService(db, clock, ticketReads, tickets, history);
  const escalations = new EscalationsService(db, clock, ticketReads, tickets, routing);
  const procedures = new ProceduresService(db, clock, audit, categories, organizations);
  const procedureApplications = new ProcedureApplicationsService(clock, procedures, ticketReads, tickets);
  const cannedResponses = new CannedResponsesService(db, clock);
  const problemHistory = new ProblemHistory(clock);
  const problemSlaClock = new ProblemSlaService(clock, configCache);
  const problemSla = new ProblemSlaRecords(problemSlaClock, problemHistory);
  const problems = new ProblemsService(
    db,
    clock,
    audit,
    problemHistory,
    settings,
    organizations,
    groups,
    users,
    conversation,
    problemSla,
  );
  const problemIncidents = new ProblemIncidentsService(
    db,
    clock,
    problems,
    ticketReads,
    tickets,
    conversation,
    history,
  );
  const problemSlaDetection = new ProblemSlaDetectionService(db, clock, problemSlaClock, problemSla, notifications);
  const knownErrors = new KnownErrorsService(db);
  const problemCandidates = new ProblemCandidatesService(db, clock, audit, settings, problemIncidents);
  const problemResolution = new ProblemResolutionService(db, clock, problems, tickets, conversation, users);
  const commitments = new CommitmentsService(db, clock, ticketReads, conversation, history, notifications, users, {
    // Supervision's PromisedProblems port: the problem and its timeline, through the problems service.
    find: (id, on) => problems.find(id, on),
    record: async (trx, ctx, problemId, event) =>
      problems.recordAlongside(trx, ctx, await problems.find(problemId, trx), event),
  });
  const supervision = new SupervisionService(db, clock, database.report, ticketReads);
  const mailOutbox = new MailOutboxService(db, clock, mailConfig);
  const ticketMailAdditions = new TicketMailAdditions();
  const mailTemplates = new MailTemplatesService(db, audit, settings);
  const mailIntake = new MailIntakeService(db, clock, storage, mailConfig.maxMessageBytes);
  const mailAdmin = new MailAdminService(db, clock, audit, storage);
  const deskAddresses = () => mailAdmin.deskAddresses(mailConfig.from);
  const withheldFiles = new WithheldFilesService(db, storage, ticketReads);
  const mailProcessor = new MailProcessorService(
    db,
    clock,
    storage,
    users,
    ticketReads,
    tickets,
    conversation,
    deskAddresses,
    new BounceRecorder(db, clock, history),
  );
  // Taken in at once; if that fails (the database away, say) the message stays "received" and
  // the periodic sweep takes it later.
  mailIntake.onArrival((id) => {
    mailProcessor.process(id).catch(() => {});
  });
  /** The SLA watch (sla.jobs.ts): recompute after agreement changes, fire what is due, follow commitments. */
  const watchServiceLevels = async () => ({
    recalculated: await recalculations.runPending(),
    fired: await slaDetection.detect(),
    commitments: await commitments.check(),
  });
  const requestLimiter = new RequestLimiter(db, clock);
  const ticketSurveys = new TicketSurveysService(db, clock, audit, history, ticketReads, notifications, users);
  const satisfactionFigures = new SatisfactionFiguresService(db, clock);
  const questionnaires = new QuestionnairesService(db, clock, audit, organizations);
  const campaigns = new CampaignsService(db, clock, audit, campaignMailer(mailOutbox, mailConfig.publicUrl));
  const campaignResults = new CampaignResultsService(db);
  const kpiTargets = new KpiTargetsService(db, clock, audit, agreements);
  const jobs = new JobsService(db, clock);
  const webhooks = new WebhooksService(db, clock, audit, config.webhooks ?? { allowPrivate: false }, {
    secrets,
    ...(config.webhooks?.retentionDays ? { retentionDays: config.webhooks.retentionDays } : {}),
  });
  const services = {
    clock,
    bus,
    history,
    audit,
    securityLog,
    organizations,
    sessions,
    users,
    auth,
    mfa,
    oidc,
    passwordResets,
    settings,
    categories,
    ticketProblems,
    ticketReads,
    tickets,
    conversation,
    links,
    routing,
    groups,
    escalations,
    procedures,
    procedureApplications,
    cannedResponses,
    problems,
    problemIncidents,
    knownErrors,
    problemCandidates,
    problemResolution,
    agreements,
    notifications,
    commitments,
    supervision,
    slaDetection,
    problemSlaDetection,
    watchServiceLevels,
    mailConfig,
    mailOutbox,
    mailIntake,
    mailProcessor,
    mailAdmin,
    mailTemplates,
    ticketMailAdditions,
    withheldFiles,
    requestLimiter,
    ticketSurveys,
    satisfactionFigures,
    questionnaires,
    campaigns,
    campaignResults,
    kpiTargets,
    deskAddresses,
    jobs,
    webhooks,
    quarantine,
  };
  // Each module's observers (mail's notices, say), now that everything they watch exists.
  observeOfModules(services);
  return services;
}

export type Services = ReturnType<typeof buildServices>;
