import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type RouteOptions } from 'fastify';
import type { Logger } from 'pino';
import type { Config, MailConfig } from './config.js';
import { ConfigCache } from './db/config-cache.js';
import type { Database } from './db/connect.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { AuditService } from './modules/audit/audit.service.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { AuthService } from './modules/auth/auth.service.js';
import { SessionsService } from './modules/auth/sessions.service.js';
import { registerCategoryRoutes } from './modules/categories/categories.routes.js';
import { CategoriesService } from './modules/categories/categories.service.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { CannedResponsesService } from './modules/knowledge/canned-responses.service.js';
import { registerKnowledgeRoutes } from './modules/knowledge/knowledge.routes.js';
import { ProcedureApplicationsService } from './modules/knowledge/procedure-applications.service.js';
import { ProceduresService } from './modules/knowledge/procedures.service.js';
import { registerMailRoutes } from './modules/mail/mail.routes.js';
import { MailAdminService } from './modules/mail/mail-admin.service.js';
import { MailIntakeService } from './modules/mail/mail-intake.service.js';
import { MailOutboxService } from './modules/mail/mail-outbox.service.js';
import { MailProcessorService } from './modules/mail/mail-processor.service.js';
import { MailTemplatesService } from './modules/mail/mail-templates.service.js';
import { staffAlertMailer } from './modules/mail/staff-alert-mailer.js';
import { ticketMailNotifier } from './modules/mail/ticket-mail-notifier.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { NotificationsService } from './modules/notifications/notifications.service.js';
import { registerOrganizationRoutes } from './modules/organizations/organizations.routes.js';
import { OrganizationsService } from './modules/organizations/organizations.service.js';
import { registerSettingsRoutes } from './modules/settings/settings.routes.js';
import { SettingsService } from './modules/settings/settings.service.js';
import { registerAgreementRoutes } from './modules/sla/agreements.routes.js';
import { AgreementsService } from './modules/sla/agreements.service.js';
import { SlaService } from './modules/sla/sla.service.js';
import { SlaDetectionService } from './modules/sla/sla-detection.service.js';
import { SlaRecalculationService } from './modules/sla/sla-recalculation.service.js';
import { CommitmentsService } from './modules/supervision/commitments.service.js';
import { registerSupervisionRoutes } from './modules/supervision/supervision.routes.js';
import { SupervisionService } from './modules/supervision/supervision.service.js';
import { EscalationsService } from './modules/support/escalations.service.js';
import { GroupsService } from './modules/support/groups.service.js';
import { RoutingService } from './modules/support/routing.service.js';
import { registerSupportRoutes } from './modules/support/support.routes.js';
import { registerAttachmentRoutes } from './modules/tickets/attachments.routes.js';
import { ATTACHMENT_MAX_BYTES, ConversationService } from './modules/tickets/conversation.service.js';
import { registerLiveUpdateRoutes } from './modules/tickets/live-updates.routes.js';
import { TicketHistory } from './modules/tickets/ticket-history.js';
import { TicketLinksService } from './modules/tickets/ticket-links.service.js';
import { TicketReadsService } from './modules/tickets/ticket-reads.service.js';
import { registerTicketRoutes } from './modules/tickets/tickets.routes.js';
import { TicketsService } from './modules/tickets/tickets.service.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import { UsersService } from './modules/users/users.service.js';
import { registerAccessControl } from './platform/access-control.js';
import { type Clock, systemClock } from './platform/clock.js';
import { handleError, sendProblem } from './platform/error-handler.js';
import { EventBus } from './platform/event-bus.js';
import type { App } from './platform/http.js';
import { newId } from './platform/ids.js';
import { createLogger } from './platform/logger.js';
import { localStorage } from './platform/storage.js';
import { validatorCompiler } from './platform/validation.js';

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'secureCookies' | 'trustProxy' | 'logLevel' | 'webDir' | 'sessionTtlHours' | 'dataDir'> & {
    mail?: MailConfig;
  };
  clock?: Clock;
  /** Defaults to JSON lines on stdout at config.logLevel. */
  logger?: Logger;
}

export type Services = ReturnType<typeof buildServices>;

/** The composition root: each service gets only what it uses. */
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

export function buildServices(
  database: Database,
  clock: Clock,
  config: Pick<Config, 'sessionTtlHours' | 'dataDir'> & { mail?: MailConfig },
) {
  const mailConfig = config.mail ?? NO_MAIL;
  const { db } = database;
  const bus = new EventBus();
  const configCache = new ConfigCache();
  const audit = new AuditService(db, clock);
  const organizations = new OrganizationsService(db, clock, audit, configCache);
  const sessions = new SessionsService(db, clock, audit, config.sessionTtlHours);
  const users = new UsersService(db, clock, audit, organizations, sessions);
  const auth = new AuthService(db, clock, users, sessions, organizations);
  const settings = new SettingsService(db, clock, audit, configCache);
  const categories = new CategoriesService(db, clock, audit, organizations, configCache);
  const sla = new SlaService(clock, configCache);
  const history = new TicketHistory(clock, bus, sla);
  const recalculations = new SlaRecalculationService(db, clock, history);
  const agreements = new AgreementsService(db, clock, audit, organizations, recalculations);
  const notifications = new NotificationsService(db, clock);
  const slaDetection = new SlaDetectionService(db, clock, sla, history, notifications);
  const routing = new RoutingService(categories, agreements, clock, configCache);
  const groups = new GroupsService(db, clock, audit, users, routing);
  const ticketReads = new TicketReadsService(db, clock, settings, routing, history, sla);
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
  const conversation = new ConversationService(db, clock, storage, ticketReads, tickets, history);
  const links = new TicketLinksService(db, clock, ticketReads, tickets, history);
  const escalations = new EscalationsService(db, clock, ticketReads, tickets, routing);
  const procedures = new ProceduresService(db, clock, audit, categories);
  const procedureApplications = new ProcedureApplicationsService(clock, procedures, ticketReads, tickets);
  const cannedResponses = new CannedResponsesService(db, clock);
  const commitments = new CommitmentsService(db, clock, ticketReads, conversation, history, notifications, users);
  const supervision = new SupervisionService(db, clock, database.report, ticketReads);
  const mailOutbox = new MailOutboxService(db, clock, mailConfig);
  const mailTemplates = new MailTemplatesService(db, audit, settings);
  // Without a relay Mesa sends no mail, so it writes none to the outbox either.
  if (mailOutbox.sending) {
    history.observe(ticketMailNotifier(mailOutbox, mailTemplates, mailConfig.publicUrl));
    notifications.also(staffAlertMailer(mailOutbox, mailTemplates, mailConfig.publicUrl));
  }
  const mailIntake = new MailIntakeService(db, clock, storage);
  const mailAdmin = new MailAdminService(db, clock, audit);
  const deskAddresses = () => mailAdmin.deskAddresses(mailConfig.from);
  const mailProcessor = new MailProcessorService(
    db,
    clock,
    storage,
    users,
    ticketReads,
    tickets,
    conversation,
    deskAddresses,
  );
  // Taken in at once; if that fails (the database away, say) the message stays "received" and
  // the periodic sweep takes it later.
  mailIntake.onArrival((id) => {
    mailProcessor.process(id).catch(() => {});
  });
  /** The SLA job: recompute after agreement changes, fire what is due, follow commitments. */
  const watchServiceLevels = async () => ({
    recalculated: await recalculations.runPending(),
    fired: await slaDetection.detect(),
    commitments: await commitments.check(),
  });
  return {
    bus,
    audit,
    organizations,
    sessions,
    users,
    auth,
    settings,
    categories,
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
    agreements,
    notifications,
    commitments,
    supervision,
    watchServiceLevels,
    mailConfig,
    mailOutbox,
    mailIntake,
    mailProcessor,
    mailAdmin,
    mailTemplates,
    deskAddresses,
  };
}

const JSON_BODY_LIMIT = 256 * 1024;

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The UI kit writes CSS variables and positions through style attributes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Builds the whole HTTP application without listening; no side effects until the caller listens. */
export async function buildApp(deps: AppDeps): Promise<{ app: App; services: Services; routes: RouteOptions[] }> {
  const clock = deps.clock ?? systemClock;
  const webDir = resolve(deps.config.webDir);
  const services = buildServices(deps.database, clock, deps.config);
  const app = Fastify({
    loggerInstance: (deps.logger ?? createLogger(deps.config.logLevel)) as FastifyBaseLogger,
    genReqId: () => newId(),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>();

  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
    // Tell the OpenAPI document which operations need no credentials.
    if (route.config?.permission === 'public' && route.schema) route.schema = { ...route.schema, security: [] };
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((route) => !route.config?.permission);
    if (undeclared.length > 0) {
      throw new Error(
        `Routes without a declared permission: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`,
      );
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });

  await app.register(fastifyCookie);
  // One file per upload request; the size limit is enforced again while streaming to storage.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fileSize: ATTACHMENT_MAX_BYTES } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: { ...CSP_DIRECTIVES, upgradeInsecureRequests: deps.config.secureCookies ? [] : null },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    // HSTS only means something when the public address is https.
    strictTransportSecurity: deps.config.secureCookies,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Mesa API', version: '1', description: 'Mesa de Servicio — ITIL service desk' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mesa_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });

  registerAccessControl(app, (credentials) => services.auth.resolve(credentials));

  await app.register(
    async (api: App) => {
      registerHealthRoutes(api, { db: deps.database.db });
      registerAuthRoutes(api, { ...services, secureCookies: deps.config.secureCookies });
      registerOrganizationRoutes(api, services);
      registerUserRoutes(api, services);
      registerAuditRoutes(api, services);
      registerSettingsRoutes(api, services);
      registerCategoryRoutes(api, services);
      registerTicketRoutes(api, services);
      registerAttachmentRoutes(api, services);
      registerLiveUpdateRoutes(api, services);
      registerSupportRoutes(api, services);
      registerKnowledgeRoutes(api, services);
      registerAgreementRoutes(api, services);
      registerSupervisionRoutes(api, services);
      registerNotificationRoutes(api, services);
      registerMailRoutes(api, services);
    },
    { prefix: '/api/v1' },
  );

  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, () => app.swagger());

  // Third-party plugins register their own routes; everything they serve here is public by design.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, permission: 'public' };
    });
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    if (existsSync(join(webDir, 'index.html'))) {
      await scope.register(fastifyStatic, {
        root: webDir,
        wildcard: false,
        index: false,
        // Vite names assets by content hash, so they never change under the same name.
        setHeaders: (res, path) => {
          if (path.includes(`${join('/', 'assets', '/')}`))
            res.header('cache-control', 'public, max-age=31536000, immutable');
        },
      });
    }
  });

  const indexHtml = join(webDir, 'index.html');
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // API paths, and files that do not exist (a stale tab asking for an old asset), get a real 404.
    if (path.startsWith('/api/') || request.method !== 'GET' || extname(path) !== '') {
      return sendProblem(request, reply, 'not_found', `No route ${request.method} ${path}`);
    }
    if (!existsSync(indexHtml)) {
      return reply.code(503).type('text/plain').send('The web UI is not built yet: run `npm run build`.');
    }
    // The single-page app owns every other path.
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await readFile(indexHtml));
  });

  return { app, services, routes };
}
