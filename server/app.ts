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
import type { Config, MailConfig, WebhooksConfig } from './config.js';
import type { Database } from './db/connect.js';
import { ATTACHMENT_MAX_BYTES } from './modules/tickets/conversation.service.js';
import { jobsOf, MODULES, type ModuleContext } from './modules.js';
import { registerAccessControl, sessionCookieName } from './platform/access-control.js';
import { type Clock, systemClock } from './platform/clock.js';
import { handleError, sendProblem } from './platform/error-handler.js';
import type { App } from './platform/http.js';
import { newId } from './platform/ids.js';
import type { JobDefinition } from './platform/jobs.js';
import { createLogger } from './platform/logger.js';
import { createMetrics, type Metrics, registerMetricsRoute } from './platform/metrics.js';
import type { SecretBox } from './platform/secret-box.js';
import { validatorCompiler } from './platform/validation.js';
import { buildServices, type Services } from './services.js';

export interface AppDeps {
  database: Database;
  config: Pick<Config, 'secureCookies' | 'trustProxy' | 'logLevel' | 'webDir' | 'sessionTtlHours' | 'dataDir'> & {
    mail?: MailConfig;
    sessionMaxHours?: number;
    mfaRequiredFor?: Config['mfaRequiredFor'];
    /** Tests only: accept an http:// identity provider (a local oidc-provider on loopback). */
    oidcOptions?: { allowHttpIssuer: boolean };
    /** Bearer token of GET /metrics; null or absent: no metrics served. */
    metricsToken?: string | null;
    /** Absent: webhooks reach public addresses only. */
    webhooks?: WebhooksConfig;
    /** MESA_CLAMD: the virus scanner every file goes through; null or absent scans none. */
    clamd?: string | null;
    /** Seals stored secrets (MESA_SECRET_KEY, or the data directory's key on SQLite); absent, none can be stored. */
    secrets?: SecretBox;
  };
  clock?: Clock;
  /** Defaults to JSON lines on stdout at config.logLevel. */
  logger?: Logger;
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
export async function buildApp(
  deps: AppDeps,
): Promise<{ app: App; services: Services; routes: RouteOptions[]; jobs: JobDefinition[]; metrics: Metrics }> {
  const clock = deps.clock ?? systemClock;
  const webDir = resolve(deps.config.webDir);
  const services = buildServices(deps.database, clock, deps.config);
  const jobs = jobsOf(services);
  const context: ModuleContext = {
    ...services,
    db: deps.database.db,
    secureCookies: deps.config.secureCookies,
    jobDefinitions: jobs,
  };
  const app = Fastify({
    loggerInstance: (deps.logger ?? createLogger(deps.config.logLevel)) as FastifyBaseLogger,
    genReqId: () => newId(),
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    forceCloseConnections: 'idle',
  }).withTypeProvider<TypeBoxTypeProvider>();

  const metrics = createMetrics({
    slaPointsDue: () => services.slaDetection.dueNow(),
    mailCounts: () => services.mailAdmin.counts(),
    pool: () => deps.database.poolStats(),
    logger: app.log,
  });

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
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the path: one series per route, not one per ticket.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
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
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(deps.config.secureCookies) },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });

  registerAccessControl(app, (credentials) => services.auth.resolve(credentials), {
    sessionCookie: sessionCookieName(deps.config.secureCookies),
    mustEnrolMfa: (principal) => services.mfa.mustEnrol(principal),
  });

  await app.register(
    async (api: App) => {
      // Answers about people and their tickets stay out of every cache (browser, proxy); a route
      // that means otherwise (an attachment download) says so itself.
      api.addHook('onSend', async (_request, reply) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      });
      for (const module of MODULES) module.routes?.(api, context);
    },
    { prefix: '/api/v1' },
  );

  registerMetricsRoute(app, metrics, deps.config.metricsToken ?? null);
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

  return { app, services, routes, jobs, metrics };
}
