import type { FieldError } from './field-error.js';
import type { Role } from './roles.js';

/** What an identity provider's rules look at: where it is, whom it signs in, and as what. */
export interface IdentityProviderShape {
  issuer: string;
  organizationId: string | null;
  defaultRole: Role;
  roleMapping: Record<string, Role>;
}

type Field = 'issuer' | 'defaultRole' | 'roleMapping';

/**
 * The rules of an identity provider, on create and on every edit: an https issuer with no query
 * or fragment (the issuer is compared exactly with the ID token's `iss`), and roles that fit its
 * scope — an organization's provider signs in that organization's requesters, a staff provider
 * gives staff roles only. `allowHttp` is for tests against a provider on loopback.
 */
export function checkIdentityProvider(provider: IdentityProviderShape, allowHttp = false): FieldError<Field>[] {
  const issues: FieldError<Field>[] = [];
  let issuer: URL | null = null;
  try {
    issuer = new URL(provider.issuer);
  } catch {
    issues.push({ field: 'issuer', message: 'must be an https:// address' });
  }
  if (issuer) {
    if (issuer.protocol !== 'https:' && !(allowHttp && issuer.protocol === 'http:'))
      issues.push({ field: 'issuer', message: 'must be an https:// address' });
    if (issuer.search || issuer.hash) issues.push({ field: 'issuer', message: 'must have no query or fragment' });
  }
  if (provider.organizationId && provider.defaultRole !== 'requester')
    issues.push({ field: 'defaultRole', message: "an organization's provider signs in requesters" });
  if (!provider.organizationId && provider.defaultRole === 'requester')
    issues.push({ field: 'defaultRole', message: 'a staff provider gives a staff role' });
  if (!provider.organizationId && Object.values(provider.roleMapping).includes('requester'))
    issues.push({ field: 'roleMapping', message: 'a staff provider maps to staff roles' });
  return issues;
}
