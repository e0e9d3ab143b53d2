import { type Permission, rolesGrant } from '../../../domain/permissions.js';
import { isStaff, type Role, worksTickets } from '../../../domain/roles.js';

export type NavSection = 'portal' | 'workspace' | 'admin' | 'personal';

export interface NavItem {
  to:
    | '/portal'
    | '/portal/tickets'
    | '/portal/questionnaires'
    | '/workspace/tickets'
    | '/workspace/phone'
    | '/workspace/procedures'
    | '/workspace/problems'
    | '/workspace/problems/candidates'
    | '/workspace/known-errors'
    | '/workspace/canned-responses'
    | '/workspace'
    | '/workspace/people'
    | '/supervision'
    | '/workspace/satisfaction'
    | '/workspace/questionnaires'
    | '/workspace/campaigns'
    | '/admin/organizations'
    | '/admin/users'
    | '/admin/categories'
    | '/admin/groups'
    | '/admin/ticket-settings'
    | '/admin/calendars'
    | '/admin/agreements'
    | '/admin/mail'
    | '/admin/jobs'
    | '/admin/webhooks'
    | '/admin/audit'
    | '/admin/security'
    | '/admin/quarantine'
    | '/admin/identity-providers'
    | '/account';
  label:
    | 'nav.portal'
    | 'nav.myTickets'
    | 'nav.tickets'
    | 'nav.phone'
    | 'nav.procedures'
    | 'nav.problems'
    | 'nav.problemCandidates'
    | 'nav.knownErrors'
    | 'nav.cannedResponses'
    | 'nav.directory'
    | 'nav.people'
    | 'nav.supervision'
    | 'nav.satisfaction'
    | 'nav.questionnaires'
    | 'nav.campaigns'
    | 'nav.portalSurveys'
    | 'nav.organizations'
    | 'nav.users'
    | 'nav.categories'
    | 'nav.groups'
    | 'nav.ticketSettings'
    | 'nav.calendars'
    | 'nav.agreements'
    | 'nav.mail'
    | 'nav.jobs'
    | 'nav.webhooks'
    | 'nav.audit'
    | 'nav.security'
    | 'nav.quarantine'
    | 'nav.identityProviders'
    | 'nav.account';
  section: NavSection;
  /** Exact match only, so "Directory" is not lit while on "People". */
  exact?: boolean;
  allowed: (roles: readonly Role[]) => boolean;
}

const can = (permission: Permission) => (roles: readonly Role[]) => rolesGrant(roles, permission);
const staffWith = (permission: Permission) => (roles: readonly Role[]) =>
  isStaff(roles) && rolesGrant(roles, permission);
/** Ticket work and procedure writing: not an analyst's menu unless they also hold a desk role. */
const deskWith = (permission: Permission) => (roles: readonly Role[]) =>
  worksTickets(roles) && rolesGrant(roles, permission);

/** The navigation follows the roles: what a role cannot use is not shown to it. */
export const NAV_ITEMS: NavItem[] = [
  {
    to: '/portal',
    label: 'nav.portal',
    section: 'portal',
    exact: true,
    allowed: (roles) => roles.includes('requester'),
  },
  { to: '/portal/tickets', label: 'nav.myTickets', section: 'portal', allowed: (roles) => roles.includes('requester') },
  {
    to: '/portal/questionnaires',
    label: 'nav.portalSurveys',
    section: 'portal',
    allowed: (roles) => roles.includes('requester') && rolesGrant(roles, 'questionnaires.review'),
  },
  { to: '/workspace/tickets', label: 'nav.tickets', section: 'workspace', allowed: worksTickets },
  { to: '/supervision', label: 'nav.supervision', section: 'workspace', allowed: staffWith('supervision.read') },
  {
    to: '/workspace/satisfaction',
    label: 'nav.satisfaction',
    section: 'workspace',
    allowed: staffWith('surveys.read'),
  },
  {
    to: '/workspace/questionnaires',
    label: 'nav.questionnaires',
    section: 'workspace',
    allowed: staffWith('surveys.manage'),
  },
  {
    to: '/workspace/campaigns',
    label: 'nav.campaigns',
    section: 'workspace',
    allowed: staffWith('surveys.read'),
  },
  { to: '/workspace/phone', label: 'nav.phone', section: 'workspace', allowed: deskWith('tickets.work') },
  {
    to: '/workspace/procedures',
    label: 'nav.procedures',
    section: 'workspace',
    allowed: deskWith('procedures.write'),
  },
  { to: '/workspace/problems', label: 'nav.problems', section: 'workspace', allowed: staffWith('problems.read') },
  {
    to: '/workspace/problems/candidates',
    label: 'nav.problemCandidates',
    section: 'workspace',
    allowed: staffWith('problems.read'),
  },
  {
    to: '/workspace/known-errors',
    label: 'nav.knownErrors',
    section: 'workspace',
    allowed: staffWith('problems.read'),
  },
  {
    to: '/workspace/canned-responses',
    label: 'nav.cannedResponses',
    section: 'workspace',
    allowed: deskWith('tickets.work'),
  },
  {
    to: '/workspace',
    label: 'nav.directory',
    section: 'workspace',
    exact: true,
    allowed: staffWith('organizations.read'),
  },
  { to: '/workspace/people', label: 'nav.people', section: 'workspace', allowed: staffWith('users.read') },
  { to: '/admin/organizations', label: 'nav.organizations', section: 'admin', allowed: can('organizations.manage') },
  { to: '/admin/users', label: 'nav.users', section: 'admin', allowed: can('users.manage') },
  { to: '/admin/categories', label: 'nav.categories', section: 'admin', allowed: can('categories.manage') },
  { to: '/admin/ticket-settings', label: 'nav.ticketSettings', section: 'admin', allowed: can('settings.manage') },
  { to: '/admin/calendars', label: 'nav.calendars', section: 'admin', allowed: can('agreements.manage') },
  { to: '/admin/agreements', label: 'nav.agreements', section: 'admin', allowed: can('agreements.manage') },
  { to: '/admin/groups', label: 'nav.groups', section: 'admin', allowed: can('groups.manage') },
  { to: '/admin/mail', label: 'nav.mail', section: 'admin', allowed: can('mail.manage') },
  { to: '/admin/jobs', label: 'nav.jobs', section: 'admin', allowed: can('jobs.read') },
  { to: '/admin/webhooks', label: 'nav.webhooks', section: 'admin', allowed: can('webhooks.manage') },
  { to: '/admin/audit', label: 'nav.audit', section: 'admin', allowed: can('audit.read') },
  { to: '/admin/security', label: 'nav.security', section: 'admin', allowed: can('security.read') },
  { to: '/admin/quarantine', label: 'nav.quarantine', section: 'admin', allowed: can('quarantine.manage') },
  {
    to: '/admin/identity-providers',
    label: 'nav.identityProviders',
    section: 'admin',
    allowed: can('settings.manage'),
  },
  { to: '/account', label: 'nav.account', section: 'personal', allowed: () => true },
];

export const navItemsFor = (roles: readonly Role[]) => NAV_ITEMS.filter((item) => item.allowed(roles));

/**
 * Where someone lands after signing in: requesters in the portal, the desk in the ticket queues,
 * an analyst (with no desk role) on the supervision board.
 */
export const homePathFor = (roles: readonly Role[]): '/portal' | '/workspace/tickets' | '/supervision' =>
  worksTickets(roles) ? '/workspace/tickets' : isStaff(roles) ? '/supervision' : '/portal';
