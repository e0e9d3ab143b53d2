import type { Database } from './db/connect.js';
import { analysisModule } from './modules/analysis/analysis.module.js';
import { auditModule } from './modules/audit/audit.module.js';
import { authModule } from './modules/auth/auth.module.js';
import { categoriesModule } from './modules/categories/categories.module.js';
import { healthModule } from './modules/health/health.module.js';
import { jobsModule } from './modules/jobs/jobs.module.js';
import { knowledgeModule } from './modules/knowledge/knowledge.module.js';
import { mailModule } from './modules/mail/mail.module.js';
import { notificationsModule } from './modules/notifications/notifications.module.js';
import { organizationsModule } from './modules/organizations/organizations.module.js';
import { problemsModule } from './modules/problems/problems.module.js';
import { quarantineModule } from './modules/quarantine/quarantine.module.js';
import { securityLogModule } from './modules/security-log/security-log.module.js';
import { settingsModule } from './modules/settings/settings.module.js';
import { slaModule } from './modules/sla/sla.module.js';
import { supervisionModule } from './modules/supervision/supervision.module.js';
import { supportModule } from './modules/support/support.module.js';
import { surveysModule } from './modules/surveys/surveys.module.js';
import { ticketsModule } from './modules/tickets/tickets.module.js';
import { usersModule } from './modules/users/users.module.js';
import { webhooksModule } from './modules/webhooks/webhooks.module.js';
import type { JobDefinition } from './platform/jobs.js';
import type { DemoMoment, ModuleDescriptor } from './platform/module.js';
import type { Services } from './services.js';

/** What every module's routes and jobs may take: the composed services and a few facts of the app. */
export type ModuleContext = Services & {
  db: Database['db'];
  secureCookies: boolean;
  /** Every module's jobs, for the jobs module's screen. */
  jobDefinitions: readonly JobDefinition[];
};

/**
 * Every capability the server plugs in, with its routes (registered in this order) and its jobs.
 * A new module adds one line here; docs/architecture.md has the whole checklist.
 */
export const MODULES: readonly ModuleDescriptor<ModuleContext>[] = [
  healthModule,
  authModule,
  organizationsModule,
  usersModule,
  auditModule,
  securityLogModule,
  settingsModule,
  categoriesModule,
  ticketsModule,
  supportModule,
  knowledgeModule,
  problemsModule,
  slaModule,
  supervisionModule,
  notificationsModule,
  mailModule,
  surveysModule,
  analysisModule,
  jobsModule,
  webhooksModule,
  quarantineModule,
];

// Jobs, observers and demo steps read services only; the context's other facts are for routes.
const servicesOnly = (services: Services) => services as ModuleContext;

/** The jobs of every module, built over the composed services. */
export function jobsOf(services: Services): JobDefinition[] {
  return MODULES.flatMap((module) => module.jobs?.(servicesOnly(services)) ?? []);
}

/** Every module's observers, registered once the services are composed. */
export function observeOfModules(services: Services): void {
  for (const module of MODULES) module.observe?.(servicesOnly(services));
}

/** Every module's part of the demo workspace, in the list's order. */
export async function demoOfModules(services: Services, moment: DemoMoment): Promise<void> {
  for (const module of MODULES) await module.demo?.(servicesOnly(services), moment);
}
