import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, rolesGrant } from './permissions.js';
import { checkRoleAssignment, isStaff, ROLES, STAFF_ROLES, worksTickets } from './roles.js';

describe('role assignment', () => {
  it('accepts a requester with an organization and staff without one', () => {
    expect(checkRoleAssignment(['requester'], 'org-1')).toEqual([]);
    expect(checkRoleAssignment(['agent', 'supervisor'], null)).toEqual([]);
  });

  it('names what is wrong with each bad combination', () => {
    expect(checkRoleAssignment([], null)).toEqual([{ field: 'roles', message: 'must hold at least one role' }]);
    expect(checkRoleAssignment(['agent', 'agent'], null)[0]?.field).toBe('roles');
    expect(checkRoleAssignment(['requester', 'admin'], null).map((p) => p.field)).toEqual(['roles', 'organizationId']);
    expect(checkRoleAssignment(['analyst'], 'org-1')).toEqual([
      { field: 'organizationId', message: 'staff do not belong to a client organization' },
    ]);
  });

  it('lets a requester also be a client manager of their organization, and nothing else', () => {
    expect(checkRoleAssignment(['requester', 'client_manager'], 'org-1')).toEqual([]);
    expect(checkRoleAssignment(['client_manager'], 'org-1')).toEqual([
      { field: 'roles', message: 'a client manager is also a requester of the organization' },
    ]);
    expect(checkRoleAssignment(['requester', 'client_manager', 'supervisor'], 'org-1')).toEqual([
      { field: 'roles', message: 'a requester cannot also hold a staff role' },
    ]);
    expect(checkRoleAssignment(['client_manager', 'agent'], null).map((p) => p.field)).toEqual([
      'roles',
      'organizationId',
    ]);
    expect(checkRoleAssignment(['requester', 'client_manager'], null)).toEqual([
      { field: 'organizationId', message: 'a requester must belong to an organization' },
    ]);
  });

  it('tells staff from requesters and client managers', () => {
    expect(isStaff(['requester'])).toBe(false);
    expect(isStaff(['requester', 'client_manager'])).toBe(false);
    expect(worksTickets(['requester', 'client_manager'])).toBe(false);
    expect(STAFF_ROLES).not.toContain('client_manager');
    expect(isStaff(['specialist'])).toBe(true);
  });
});

describe('permissions', () => {
  it('grants public and authenticated to everyone', () => {
    for (const role of ROLES) {
      expect(rolesGrant([role], 'public')).toBe(true);
      expect(rolesGrant([role], 'authenticated')).toBe(true);
    }
  });

  it('gives requesters their organization, tickets and procedures only, and admins everything of the desk', () => {
    expect(ROLE_PERMISSIONS.requester).toEqual([
      'organizations.read',
      'tickets.read',
      'tickets.create',
      'tickets.update',
      'procedures.read',
    ]);
    for (const staffOnly of ['tickets.work', 'users.read', 'procedures.write', 'audit.read'] as const) {
      expect(rolesGrant(['requester'], staffOnly)).toBe(false);
    }
    // Everything but the client's own word on its questionnaires.
    for (const permission of PERMISSIONS)
      expect(rolesGrant(['admin'], permission)).toBe(permission !== 'questionnaires.review');
    expect(rolesGrant(['agent'], 'users.manage')).toBe(false);
    expect(rolesGrant(['agent', 'supervisor'], 'audit.read')).toBe(true);
  });

  it('lets the analysis unit, supervisors and admins keep the indicator targets, and no one else', () => {
    for (const role of ROLES)
      expect(rolesGrant([role], 'kpis.manage')).toBe(['analyst', 'supervisor', 'admin'].includes(role));
  });

  it('gives client managers the questionnaire review on top of what a requester has, and the desk none of it', () => {
    expect(ROLE_PERMISSIONS.client_manager).toEqual(['questionnaires.review', 'surveyResults.read']);
    expect(rolesGrant(['requester', 'client_manager'], 'tickets.create')).toBe(true);
    expect(rolesGrant(['requester', 'client_manager'], 'surveys.read')).toBe(false);
    expect(rolesGrant(['requester'], 'questionnaires.review')).toBe(false);
    for (const staff of ['agent', 'specialist', 'supervisor', 'analyst'] as const)
      expect(rolesGrant([staff], 'questionnaires.review')).toBe(false);
  });
});
