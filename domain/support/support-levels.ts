/**
 * How the desk works in levels: L1 takes first contact, L2 specialists take what needs expertise,
 * L3 supervises. Groups carry a level (and L2 a specialty); tickets move between them.
 */
export const SUPPORT_LEVELS = ['L1', 'L2', 'L3'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

export const ASSIGNMENT_STRATEGIES = ['manual', 'round_robin', 'load'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export function levelRank(level: SupportLevel): number {
  return SUPPORT_LEVELS.indexOf(level);
}

/** A functional escalation moves up a level or across L2 specialties; moving down is a return. */
export function escalationKind(from: SupportLevel | null, to: SupportLevel): 'escalation' | 'return' | 'transfer' {
  if (!from) return 'transfer';
  const delta = levelRank(to) - levelRank(from);
  return delta > 0 ? 'escalation' : delta < 0 ? 'return' : 'transfer';
}

/** What a routing rule can look at when a ticket arrives. */
export interface RoutableTicket {
  organizationId: string;
  serviceId: string | null;
  categoryId: string | null;
  /** The category's parent, so a rule on "Applications" also takes "Applications › Error". */
  parentCategoryId: string | null;
  type: string;
  channel: string;
}

export interface RoutingRuleLike {
  id: string;
  name: string;
  position: number;
  active: boolean;
  organizationId: string | null;
  serviceId: string | null;
  categoryId: string | null;
  type: string | null;
  channel: string | null;
  groupId: string;
}

/** What a group covers: any of organization, service and category; empty parts mean any. */
export interface GroupCoverageLike {
  groupId: string;
  level: SupportLevel;
  organizationId: string | null;
  serviceId: string | null;
  categoryId: string | null;
}

export interface RouteDecision {
  groupId: string | null;
  /** Why: the rule that matched, the coverage used, or the fallback. */
  reason: string;
  ruleId: string | null;
}

function ruleMatches(rule: RoutingRuleLike, ticket: RoutableTicket): boolean {
  return (
    (rule.organizationId === null || rule.organizationId === ticket.organizationId) &&
    (rule.serviceId === null || rule.serviceId === ticket.serviceId) &&
    (rule.categoryId === null ||
      rule.categoryId === ticket.categoryId ||
      rule.categoryId === ticket.parentCategoryId) &&
    (rule.type === null || rule.type === ticket.type) &&
    (rule.channel === null || rule.channel === ticket.channel)
  );
}

function covers(c: GroupCoverageLike, ticket: RoutableTicket): boolean {
  return (
    (c.organizationId === null || c.organizationId === ticket.organizationId) &&
    (c.serviceId === null || c.serviceId === ticket.serviceId) &&
    (c.categoryId === null || c.categoryId === ticket.categoryId || c.categoryId === ticket.parentCategoryId)
  );
}

/**
 * Where a new ticket goes: the first active rule in order that matches; otherwise the L1 group
 * whose coverage fits it most narrowly (category, then service, then organization), then the
 * default L1 group.
 */
export function routeTicket(
  ticket: RoutableTicket,
  rules: readonly RoutingRuleLike[],
  coverage: readonly GroupCoverageLike[],
  defaultGroupId: string | null,
): RouteDecision {
  const ordered = [...rules]
    .filter((r) => r.active)
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const rule = ordered.find((r) => ruleMatches(r, ticket));
  if (rule)
    return { groupId: rule.groupId, ruleId: rule.id, reason: `rule "${rule.name}" (position ${rule.position})` };
  const l1 = coverage.filter((c) => c.level === 'L1' && covers(c, ticket));
  const byCategory = l1.find((c) => c.categoryId !== null);
  if (byCategory) return { groupId: byCategory.groupId, ruleId: null, reason: 'the L1 group covering the category' };
  const byService = l1.find((c) => c.serviceId !== null);
  if (byService) return { groupId: byService.groupId, ruleId: null, reason: 'the L1 group covering the service' };
  const byOrganization = l1.find((c) => c.organizationId !== null);
  if (byOrganization) {
    return { groupId: byOrganization.groupId, ruleId: null, reason: 'the L1 group covering the organization' };
  }
  return {
    groupId: defaultGroupId,
    ruleId: null,
    reason: defaultGroupId ? 'the default L1 group' : 'no group: nothing covers it',
  };
}

export interface Candidate {
  userId: string;
  available: boolean;
  /** Open tickets weighted by priority: a critical one weighs 4, a low one 1. */
  load: number;
}

export const PRIORITY_WEIGHT: Record<number, number> = { 1: 4, 2: 3, 3: 2, 4: 1 };

/**
 * The member a new ticket goes to, or null for manual assignment. Round-robin takes turns by a
 * counter the database increments atomically; load takes the least loaded. Both skip the absent.
 */
export function chooseAssignee(
  strategy: AssignmentStrategy,
  candidates: readonly Candidate[],
  turn: number,
): string | null {
  const present = [...candidates].filter((c) => c.available).sort((a, b) => a.userId.localeCompare(b.userId));
  if (strategy === 'manual' || present.length === 0) return null;
  if (strategy === 'round_robin') return (present[turn % present.length] as Candidate).userId;
  return present.reduce((best, c) => (c.load < best.load ? c : best)).userId;
}
