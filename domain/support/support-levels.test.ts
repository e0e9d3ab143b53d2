import { describe, expect, it } from 'vitest';
import {
  chooseAssignee,
  escalationKind,
  type RoutableTicket,
  type RoutingRuleLike,
  routeTicket,
} from './support-levels.js';

const ticket: RoutableTicket = {
  organizationId: 'org-a',
  serviceId: 'svc-erp',
  categoryId: 'cat-db-error',
  parentCategoryId: 'cat-db',
  type: 'incident',
  channel: 'phone',
};

const rule = (overrides: Partial<RoutingRuleLike>): RoutingRuleLike => ({
  id: `r-${overrides.position ?? 0}`,
  name: 'rule',
  position: 0,
  active: true,
  organizationId: null,
  serviceId: null,
  categoryId: null,
  type: null,
  channel: null,
  groupId: 'g',
  ...overrides,
});

describe('routing', () => {
  const coverage = [
    { groupId: 'l1-org', level: 'L1' as const, organizationId: 'org-a', serviceId: null, categoryId: null },
    { groupId: 'l1-erp', level: 'L1' as const, organizationId: 'org-a', serviceId: 'svc-erp', categoryId: null },
    { groupId: 'l2-erp', level: 'L2' as const, organizationId: 'org-a', serviceId: 'svc-erp', categoryId: null },
  ];

  it('takes the first matching rule in order, and says which', () => {
    const rules = [
      rule({ position: 20, categoryId: 'cat-db', groupId: 'l2-dba', name: 'Databases to DBA' }),
      rule({ position: 10, type: 'request', groupId: 'l1-requests' }),
      rule({ position: 30, groupId: 'catch-all' }),
    ];
    expect(routeTicket(ticket, rules, coverage, 'default')).toEqual({
      groupId: 'l2-dba',
      ruleId: 'r-20',
      reason: 'rule "Databases to DBA" (position 20)',
    });
  });

  it('ignores inactive rules', () => {
    const rules = [rule({ position: 1, groupId: 'off', active: false })];
    expect(routeTicket(ticket, rules, coverage, 'default').groupId).toBe('l1-erp');
  });

  it('falls back to the L1 group covering the service, then the organization, then the default', () => {
    expect(routeTicket(ticket, [], coverage, 'default').reason).toBe('the L1 group covering the service');
    expect(routeTicket({ ...ticket, serviceId: 'svc-other' }, [], coverage, 'default').groupId).toBe('l1-org');
    expect(routeTicket({ ...ticket, organizationId: 'org-b', serviceId: null }, [], coverage, 'default').groupId).toBe(
      'default',
    );
    expect(routeTicket({ ...ticket, organizationId: 'org-b', serviceId: null }, [], coverage, null).groupId).toBeNull();
  });

  it('prefers the group covering the category (or its parent) over the service and organization', () => {
    const withCategory = [
      ...coverage,
      { groupId: 'l1-db', level: 'L1' as const, organizationId: null, serviceId: null, categoryId: 'cat-db' },
    ];
    expect(routeTicket(ticket, [], withCategory, 'default')).toMatchObject({
      groupId: 'l1-db',
      reason: 'the L1 group covering the category',
    });
    // A service-wide group of another organization never takes the ticket.
    const foreign = [
      { groupId: 'l1-other', level: 'L1' as const, organizationId: 'org-z', serviceId: 'svc-erp', categoryId: null },
    ];
    expect(routeTicket(ticket, [], foreign, 'default').groupId).toBe('default');
  });
});

describe('assignment', () => {
  const team = [
    { userId: 'c', available: true, load: 5 },
    { userId: 'a', available: true, load: 2 },
    { userId: 'b', available: false, load: 0 },
    { userId: 'd', available: true, load: 2 },
  ];

  it('takes turns in a stable order, skipping the absent', () => {
    expect([0, 1, 2, 3].map((turn) => chooseAssignee('round_robin', team, turn))).toEqual(['a', 'c', 'd', 'a']);
  });

  it('gives the ticket to the least loaded present member', () => {
    expect(chooseAssignee('load', team, 0)).toBe('a');
  });

  it('leaves it unassigned when manual or nobody is present', () => {
    expect(chooseAssignee('manual', team, 0)).toBeNull();
    expect(chooseAssignee('load', [{ userId: 'x', available: false, load: 0 }], 0)).toBeNull();
  });
});

describe('escalation kinds', () => {
  it('tells an escalation from a return and a transfer', () => {
    expect(escalationKind('L1', 'L2')).toBe('escalation');
    expect(escalationKind('L2', 'L1')).toBe('return');
    expect(escalationKind('L2', 'L2')).toBe('transfer');
  });
});
