import { describe, expect, it } from 'vitest';
import type { IdentityProvider } from '../../../../domain/contracts/mfa.js';
import { checkValues, createBodyOf, relinks, updateBodyOf, valuesOf, withScope } from './identity-provider-form.js';

const stored: IdentityProvider = {
  id: '0190a000-0000-7000-8000-000000000001',
  name: 'Corp SSO',
  issuer: 'https://sso.corp.test',
  clientId: 'mesa',
  organizationId: null,
  roleClaim: 'groups',
  roleMapping: { leads: 'supervisor', admins: 'admin' },
  defaultRole: 'agent',
  enabled: true,
  version: 3,
  createdAt: '2026-12-07T10:00:00.000Z',
  updatedAt: '2026-12-07T10:00:00.000Z',
};

describe('identity provider form', () => {
  it('creates a staff provider with its role mapping, trimmed', () => {
    const values = {
      ...valuesOf(),
      name: ' Corp ',
      issuer: 'https://sso.corp.test ',
      clientId: 'mesa',
      clientSecret: 's3cret',
      roleClaim: ' groups ',
      mappings: [{ claim: ' leads ', role: 'supervisor' as const }],
    };
    expect(checkValues(values, true)).toEqual({});
    expect(createBodyOf(values)).toEqual({
      name: 'Corp',
      issuer: 'https://sso.corp.test',
      clientId: 'mesa',
      clientSecret: 's3cret',
      organizationId: null,
      roleClaim: 'groups',
      roleMapping: { leads: 'supervisor' },
      defaultRole: 'agent',
      enabled: true,
    });
  });

  it('makes requesters of an organization provider, whatever mapping was typed before', () => {
    const values = { ...withScope({ ...valuesOf(stored) }, 'organization'), organizationId: 'org-1' };
    const body = updateBodyOf(stored, values);
    expect(body).toMatchObject({ organizationId: 'org-1', roleClaim: null, roleMapping: {}, defaultRole: 'requester' });
    expect(withScope(values, 'staff')).toMatchObject({ organizationId: null, defaultRole: 'agent' });
  });

  it('sends the secret on an edit only when a new one was typed, with the version it was based on', () => {
    const unchanged = updateBodyOf(stored, valuesOf(stored));
    expect(unchanged).not.toHaveProperty('clientSecret');
    expect(unchanged).toMatchObject({ version: 3, roleMapping: stored.roleMapping });
    expect(updateBodyOf(stored, { ...valuesOf(stored), clientSecret: 'new' }).clientSecret).toBe('new');
  });

  it('asks for what is missing, the secret only when creating, and one line per claim value', () => {
    expect(checkValues(valuesOf(), true)).toEqual({
      name: 'required',
      issuer: 'required',
      clientId: 'required',
      clientSecret: 'required',
    });
    expect(checkValues(valuesOf(stored), false)).toEqual({});
    const repeated = {
      ...valuesOf(stored),
      mappings: [...valuesOf(stored).mappings, { claim: 'leads', role: 'admin' as const }],
    };
    expect(checkValues(repeated, false)).toEqual({ roleMapping: 'repeatedClaim' });
    expect(checkValues({ ...valuesOf(stored), mappings: [{ claim: ' ', role: 'agent' }] }, false)).toEqual({
      roleMapping: 'emptyClaim',
    });
    expect(checkValues(withScope(valuesOf(stored), 'organization'), false)).toEqual({ organizationId: 'required' });
  });

  it('tells when an edit will unlink the accounts matched so far', () => {
    expect(relinks(stored, { ...valuesOf(stored), name: 'Renamed' })).toBe(false);
    expect(relinks(stored, { ...valuesOf(stored), issuer: 'https://other.corp.test' })).toBe(true);
    expect(relinks(stored, { ...withScope(valuesOf(stored), 'organization'), organizationId: 'org-1' })).toBe(true);
  });
});
