import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { type Permission, rolesGrant } from '../../../domain/permissions.js';
import { isStaff } from '../../../domain/roles.js';
import { mfaStatusQuery } from '../api/use-mfa.js';
import { meQuery } from '../api/use-session.js';
import { ForgotPasswordPage } from '../auth/forgot-password-page.js';
import { LoginPage, safeRedirect } from '../auth/login-page.js';
import { ResetPasswordPage } from '../auth/reset-password-page.js';
import { AppLayout } from '../shell/app-layout.js';
import { NotFoundPage, PageLoading, RouteError } from '../shell/fallback-pages.js';
import { homePathFor } from '../shell/nav-items.js';
import { ShortcutsProvider } from '../shell/shortcuts.js';
import { parseSupervisionSearch } from '../supervision/supervision-search.js';
import { parseQueueSearch } from '../workspace/queue-search.js';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: () => (
    <ShortcutsProvider>
      <Outlet />
    </ShortcutsProvider>
  ),
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (me) throw redirect({ href: safeRedirect(search.redirect), replace: true });
  },
  component: LoginPage,
});

/** Recovering a forgotten password: open to everyone, signed in or not. */
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: ResetPasswordPage,
});

/** A satisfaction survey answered by its mailed link: no account needed. */
const surveyLinkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/survey',
  component: lazyRouteComponent(() => import('../surveys/survey-link-page.js'), 'SurveyLinkPage'),
});

/** A campaign's questionnaire answered by its mailed link (`{publicUrl}/campaign-survey#token=…`): no account needed. */
const campaignSurveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/campaign-survey',
  component: lazyRouteComponent(() => import('../campaigns/campaign-survey-page.js'), 'CampaignSurveyPage'),
});

/** The sign-in gate: everything below it has a signed-in user in the context. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) {
      const target = location.href === '/' ? undefined : location.href;
      throw redirect({ to: '/login', search: target ? { redirect: target } : {}, replace: true });
    }
    // The desk requires a second factor of this person and they have none: enrol before anything else.
    const mfa = await context.queryClient.ensureQueryData(mfaStatusQuery).catch(() => null);
    if (mfa?.required && location.pathname !== '/account') throw redirect({ to: '/account', replace: true });
    return { me };
  },
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

/** A screen outside someone's roles sends them home instead (the API refuses it anyway). */
function requirePermission(permission: Permission, staffOnly = false) {
  return ({ context }: { context: { me: { roles: Parameters<typeof rolesGrant>[0] } } }) => {
    const { roles } = context.me;
    if (!rolesGrant(roles, permission) || (staffOnly && !isStaff(roles))) {
      throw redirect({ to: homePathFor(roles), replace: true });
    }
  };
}

function requireStaff({ context }: { context: { me: { roles: Parameters<typeof isStaff>[0] } } }) {
  if (!isStaff(context.me.roles)) throw redirect({ to: homePathFor(context.me.roles), replace: true });
}

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homePathFor(context.me.roles), replace: true });
  },
});

const portalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal',
  beforeLoad: ({ context }) => {
    if (!context.me.roles.includes('requester')) throw redirect({ to: homePathFor(context.me.roles), replace: true });
  },
  component: lazyRouteComponent(() => import('../portal/portal-page.js'), 'PortalPage'),
});

const myTicketsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal/tickets',
  beforeLoad: ({ context }) => {
    if (!context.me.roles.includes('requester')) throw redirect({ to: homePathFor(context.me.roles), replace: true });
  },
  component: lazyRouteComponent(() => import('../portal/my-tickets-page.js'), 'MyTicketsPage'),
});

const portalTicketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal/tickets/$ticketId',
  validateSearch: (search: Record<string, unknown>): { created?: string } =>
    typeof search.created === 'string' ? { created: search.created } : {},
  beforeLoad: ({ context, params }) => {
    // Staff following a requester's link land on the desk's page of the same ticket.
    if (!context.me.roles.includes('requester'))
      throw redirect({ to: '/workspace/tickets/$ticketId', params: { ticketId: params.ticketId }, replace: true });
  },
  component: lazyRouteComponent(() => import('../portal/portal-ticket-page.js'), 'PortalTicketPage'),
});

/** The desk's queues; the filters live in the address (see queue-search.ts). */
const ticketsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/tickets',
  validateSearch: parseQueueSearch,
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../workspace/tickets-page.js'), 'TicketsPage'),
});

const newTicketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/tickets/new',
  beforeLoad: requireStaff,
  component: lazyRouteComponent(() => import('../workspace/new-ticket-page.js'), 'NewTicketPage'),
});

const ticketRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/tickets/$ticketId',
  beforeLoad: ({ context, params }) => {
    // A requester following a desk link sees the same ticket in the portal.
    if (!isStaff(context.me.roles))
      throw redirect({ to: '/portal/tickets/$ticketId', params: { ticketId: params.ticketId }, replace: true });
  },
  component: lazyRouteComponent(() => import('../workspace/ticket-page.js'), 'TicketPage'),
});

/** The L1 desk's console for a call in progress. */
const phoneRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/phone',
  beforeLoad: requirePermission('tickets.work', true),
  component: lazyRouteComponent(() => import('../workspace/phone-console-page.js'), 'PhoneConsolePage'),
});

const proceduresRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/procedures',
  beforeLoad: requirePermission('procedures.write', true),
  component: lazyRouteComponent(() => import('../workspace/procedures-page.js'), 'ProceduresPage'),
});

const problemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/problems',
  beforeLoad: requirePermission('problems.read', true),
  component: lazyRouteComponent(() => import('../problems/problems-page.js'), 'ProblemsPage'),
});

const problemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/problems/$problemId',
  beforeLoad: requirePermission('problems.read', true),
  component: lazyRouteComponent(() => import('../problems/problem-page.js'), 'ProblemPage'),
});

const problemCandidatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/problems/candidates',
  beforeLoad: requirePermission('problems.read', true),
  component: lazyRouteComponent(() => import('../problems/candidates-page.js'), 'CandidatesPage'),
});

const knownErrorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/known-errors',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' && search.q ? { q: search.q } : {},
  beforeLoad: requirePermission('problems.read', true),
  component: lazyRouteComponent(() => import('../problems/known-errors-page.js'), 'KnownErrorsPage'),
});

const cannedResponsesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/canned-responses',
  beforeLoad: requirePermission('tickets.work', true),
  component: lazyRouteComponent(() => import('../workspace/canned-responses-page.js'), 'CannedResponsesPage'),
});

const procedureRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/procedures/$procedureId',
  beforeLoad: requirePermission('procedures.write', true),
  component: lazyRouteComponent(() => import('../workspace/procedure-page.js'), 'ProcedurePage'),
});

const directoryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace',
  beforeLoad: requirePermission('organizations.read', true),
  component: lazyRouteComponent(() => import('../workspace/directory-page.js'), 'DirectoryPage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/people',
  beforeLoad: requirePermission('users.read', true),
  component: lazyRouteComponent(() => import('../workspace/people-page.js'), 'PeoplePage'),
});

const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organizations',
  beforeLoad: requirePermission('organizations.manage'),
  component: lazyRouteComponent(() => import('../admin/organizations/organizations-page.js'), 'OrganizationsPage'),
});

const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organizations/$organizationId',
  beforeLoad: requirePermission('organizations.manage'),
  component: lazyRouteComponent(() => import('../admin/organizations/organization-page.js'), 'OrganizationPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  beforeLoad: requirePermission('users.manage'),
  component: lazyRouteComponent(() => import('../admin/users/users-page.js'), 'UsersPage'),
});

const ticketSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/ticket-settings',
  beforeLoad: requirePermission('settings.manage'),
  component: lazyRouteComponent(() => import('../admin/settings/ticket-settings-page.js'), 'TicketSettingsPage'),
});

const categoriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/categories',
  beforeLoad: requirePermission('categories.manage'),
  component: lazyRouteComponent(() => import('../admin/support/categories-page.js'), 'CategoriesPage'),
});

const groupsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/groups',
  beforeLoad: requirePermission('groups.manage'),
  component: lazyRouteComponent(() => import('../admin/support/groups-page.js'), 'GroupsPage'),
});

const calendarsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/calendars',
  beforeLoad: requirePermission('agreements.manage'),
  component: lazyRouteComponent(() => import('../admin/sla/calendars-page.js'), 'CalendarsPage'),
});

const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/agreements',
  beforeLoad: requirePermission('agreements.manage'),
  component: lazyRouteComponent(() => import('../admin/sla/agreements-page.js'), 'AgreementsPage'),
});

/** An agreement's satisfaction survey after each ticket (read with surveys.read, changed with surveys.manage). */
const agreementSurveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/agreements/$agreementId/survey',
  beforeLoad: requirePermission('surveys.read', true),
  component: lazyRouteComponent(() => import('../surveys/survey-settings-page.js'), 'SurveySettingsPage'),
});

/** Satisfaction after tickets per month, by agent, group, organization, service or channel. */
const satisfactionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/satisfaction',
  beforeLoad: requirePermission('surveys.read', true),
  component: lazyRouteComponent(() => import('../surveys/satisfaction-page.js'), 'SatisfactionPage'),
});

/** Each organization's questionnaire designed with the client: the desk drafts and shares it. */
const questionnairesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/questionnaires',
  beforeLoad: requirePermission('surveys.manage', true),
  component: lazyRouteComponent(() => import('../questionnaires/questionnaires-page.js'), 'QuestionnairesPage'),
});

const questionnaireRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/questionnaires/$questionnaireId',
  validateSearch: (search: Record<string, unknown>): { version?: number } => {
    const version = Number(search.version);
    return Number.isInteger(version) && version > 0 ? { version } : {};
  },
  beforeLoad: requirePermission('surveys.manage', true),
  component: lazyRouteComponent(() => import('../questionnaires/questionnaire-page.js'), 'QuestionnairePage'),
});

/** Survey campaigns: an organization's people asked a frozen questionnaire version (read with surveys.read). */
const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/campaigns',
  beforeLoad: requirePermission('surveys.read', true),
  component: lazyRouteComponent(() => import('../campaigns/campaigns-page.js'), 'CampaignsPage'),
});

const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/campaigns/$campaignId',
  beforeLoad: requirePermission('surveys.read', true),
  component: lazyRouteComponent(() => import('../campaigns/campaign-page.js'), 'CampaignPage'),
});

/** A client manager's review of the questionnaires the desk shares with their organization. */
const portalQuestionnairesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal/questionnaires',
  beforeLoad: requirePermission('questionnaires.review'),
  component: lazyRouteComponent(
    () => import('../questionnaires/portal-questionnaires-page.js'),
    'PortalQuestionnairesPage',
  ),
});

const portalQuestionnaireVersionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal/questionnaires/$questionnaireId/versions/$number',
  beforeLoad: requirePermission('questionnaires.review'),
  component: lazyRouteComponent(
    () => import('../questionnaires/portal-questionnaires-page.js'),
    'PortalQuestionnaireVersionPage',
  ),
});

/** A campaign's results: the desk reads any campaign's (surveys.read). */
const campaignResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/workspace/campaigns/$campaignId/results',
  beforeLoad: requirePermission('surveys.read', true),
  component: lazyRouteComponent(() => import('../campaign-results/results-page.js'), 'DeskCampaignResultsPage'),
});

/** A client manager reads their own organization's campaign results; the API scopes the list and refuses others. */
function requireClientManager({ context }: { context: { me: { roles: Parameters<typeof isStaff>[0] } } }) {
  if (!context.me.roles.includes('client_manager'))
    throw redirect({ to: homePathFor(context.me.roles), replace: true });
}

const portalCampaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal/surveys/results',
  beforeLoad: requireClientManager,
  component: lazyRouteComponent(() => import('../campaign-results/portal-campaigns-page.js'), 'PortalCampaignsPage'),
});

const portalCampaignResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portal/surveys/results/$campaignId',
  beforeLoad: requireClientManager,
  component: lazyRouteComponent(() => import('../campaign-results/results-page.js'), 'PortalCampaignResultsPage'),
});

/** Mailboxes, domains, the mail logs and templates; the open tab lives in the address so "back" from a ticket returns to it. */
const mailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/mail',
  validateSearch: (search: Record<string, unknown>): { tab?: 'domains' | 'inbound' | 'outbound' | 'templates' } =>
    search.tab === 'domains' || search.tab === 'inbound' || search.tab === 'outbound' || search.tab === 'templates'
      ? { tab: search.tab }
      : {},
  beforeLoad: requirePermission('mail.manage'),
  component: lazyRouteComponent(() => import('../admin/mail/mail-page.js'), 'MailPage'),
});

/** The background jobs and their recent runs (admin only). */
const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/jobs',
  beforeLoad: requirePermission('jobs.read'),
  component: lazyRouteComponent(() => import('../admin/jobs/jobs-page.js'), 'JobsPage'),
});

/** Webhooks and their deliveries (admin only). */
const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/webhooks',
  beforeLoad: requirePermission('webhooks.manage'),
  component: lazyRouteComponent(() => import('../admin/webhooks/webhooks-page.js'), 'WebhooksPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  beforeLoad: requirePermission('audit.read'),
  component: lazyRouteComponent(() => import('../admin/audit/audit-page.js'), 'AuditPage'),
});

const securityEventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/security',
  beforeLoad: requirePermission('security.read'),
  component: lazyRouteComponent(() => import('../admin/security/security-events-page.js'), 'SecurityEventsPage'),
});

/** Files the virus scanner refused: listed and deleted, never downloaded (admin only). */
const quarantineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/quarantine',
  beforeLoad: requirePermission('quarantine.manage'),
  component: lazyRouteComponent(() => import('../admin/quarantine/quarantine-page.js'), 'QuarantinePage'),
});

/** OpenID Connect identity providers and who must use a second factor (admin only). */
const identityProvidersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/identity-providers',
  beforeLoad: requirePermission('settings.manage'),
  component: lazyRouteComponent(() => import('../admin/security/identity-providers-page.js'), 'IdentityProvidersPage'),
});

/** The L3 console; the view and filters live in the address (see supervision-search.ts). */
const supervisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/supervision',
  validateSearch: parseSupervisionSearch,
  beforeLoad: requirePermission('supervision.read', true),
  component: lazyRouteComponent(() => import('../supervision/supervision-page.js'), 'SupervisionPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../account/account-page.js'), 'AccountPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  surveyLinkRoute,
  campaignSurveyRoute,
  appRoute.addChildren([
    indexRoute,
    portalRoute,
    myTicketsRoute,
    portalTicketRoute,
    ticketsRoute,
    newTicketRoute,
    ticketRoute,
    phoneRoute,
    proceduresRoute,
    procedureRoute,
    problemsRoute,
    problemRoute,
    problemCandidatesRoute,
    knownErrorsRoute,
    cannedResponsesRoute,
    directoryRoute,
    peopleRoute,
    organizationsRoute,
    organizationRoute,
    usersRoute,
    categoriesRoute,
    ticketSettingsRoute,
    groupsRoute,
    calendarsRoute,
    agreementsRoute,
    agreementSurveyRoute,
    mailRoute,
    jobsRoute,
    webhooksRoute,
    auditRoute,
    securityEventsRoute,
    quarantineRoute,
    identityProvidersRoute,
    supervisionRoute,
    satisfactionRoute,
    questionnairesRoute,
    questionnaireRoute,
    campaignsRoute,
    campaignRoute,
    portalQuestionnairesRoute,
    portalQuestionnaireVersionRoute,
    campaignResultsRoute,
    portalCampaignsRoute,
    portalCampaignResultsRoute,
    accountRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data freshness is TanStack Query's job; the router should not cache on its own.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoading,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
