import { describe, expect, it } from 'vitest';
import { checkIdentityProvider } from './identity-providers.js';

const staff = { issuer: 'https://sso.example.com/realms/desk', organizationId: null, defaultRole: 'agent' as const };

describe('identity provider rules', () => {
  it('accepts an https staff provider and an organization provider of requesters', () => {
    expect(checkIdentityProvider({ ...staff, roleMapping: { leads: 'supervisor' } })).toEqual([]);
    expect(
      checkIdentityProvider({ ...staff, organizationId: 'org-1', defaultRole: 'requester', roleMapping: {} }),
    ).toEqual([]);
  });

  it('wants https, without query or fragment, unless told a loopback test provider is fine', () => {
    const http = { ...staff, issuer: 'http://127.0.0.1:4000', roleMapping: {} };
    expect(checkIdentityProvider(http)).toEqual([{ field: 'issuer', message: 'must be an https:// address' }]);
    expect(checkIdentityProvider(http, true)).toEqual([]);
    expect(checkIdentityProvider({ ...staff, issuer: 'ftp://x.example', roleMapping: {} }, true)[0]?.field).toBe(
      'issuer',
    );
    expect(checkIdentityProvider({ ...staff, issuer: 'https://sso.example.com/?a=1', roleMapping: {} })).toEqual([
      { field: 'issuer', message: 'must have no query or fragment' },
    ]);
    expect(checkIdentityProvider({ ...staff, issuer: 'not a url', roleMapping: {} })[0]?.field).toBe('issuer');
  });

  it('keeps roles to the scope: requesters for an organization, staff roles for the desk', () => {
    expect(checkIdentityProvider({ ...staff, organizationId: 'org-1', roleMapping: {} })).toEqual([
      { field: 'defaultRole', message: "an organization's provider signs in requesters" },
    ]);
    expect(checkIdentityProvider({ ...staff, defaultRole: 'requester', roleMapping: { x: 'requester' } })).toEqual([
      { field: 'defaultRole', message: 'a staff provider gives a staff role' },
      { field: 'roleMapping', message: 'a staff provider maps to staff roles' },
    ]);
  });
});
