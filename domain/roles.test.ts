import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, rolesGrant } from './permissions.js';
import { checkRoleAssignment, isStaff, ROLES } from './roles.js';

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

  it('tells staff from requesters', () => {
    expect(isStaff(['requester'])).toBe(false);
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

  it('gives requesters their organization, tickets and procedures only, and admins everything', () => {
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
    for (const permission of PERMISSIONS) expect(rolesGrant(['admin'], permission)).toBe(true);
    expect(rolesGrant(['agent'], 'users.manage')).toBe(false);
    expect(rolesGrant(['agent', 'supervisor'], 'audit.read')).toBe(true);
  });
});
