import type {
  CreateIdentityProviderBody,
  IdentityProvider,
  UpdateIdentityProviderBody,
} from '../../../../domain/contracts/mfa.js';
import { type Role, STAFF_ROLES } from '../../../../domain/roles.js';

/** One line of the role mapping: a value of the role claim and the staff role it gives. */
export interface MappingRow {
  claim: string;
  role: Role;
}

export type ProviderScope = 'staff' | 'organization';

/** What the provider form holds; the client secret is always empty at first (it is never shown back). */
export interface ProviderValues {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: ProviderScope;
  organizationId: string | null;
  roleClaim: string;
  mappings: MappingRow[];
  defaultRole: Role;
  enabled: boolean;
}

export type ProviderField = 'name' | 'issuer' | 'clientId' | 'clientSecret' | 'organizationId' | 'roleMapping';
export type ProviderErrors = Partial<Record<ProviderField, 'required' | 'repeatedClaim' | 'emptyClaim'>>;

/** The fields the API may name in its errors, shown next to their inputs. */
export const PROVIDER_FIELDS = [
  'name',
  'issuer',
  'clientId',
  'clientSecret',
  'organizationId',
  'roleClaim',
  'roleMapping',
  'defaultRole',
  'enabled',
] as const;

export const STAFF_DEFAULT_ROLE: Role = 'agent';

export function valuesOf(provider?: IdentityProvider): ProviderValues {
  if (!provider) {
    return {
      name: '',
      issuer: '',
      clientId: '',
      clientSecret: '',
      scope: 'staff',
      organizationId: null,
      roleClaim: '',
      mappings: [],
      defaultRole: STAFF_DEFAULT_ROLE,
      enabled: true,
    };
  }
  return {
    name: provider.name,
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: '',
    scope: provider.organizationId ? 'organization' : 'staff',
    organizationId: provider.organizationId,
    roleClaim: provider.roleClaim ?? '',
    mappings: Object.entries(provider.roleMapping).map(([claim, role]) => ({ claim, role })),
    defaultRole: provider.defaultRole,
    enabled: provider.enabled,
  };
}

/** Switching the scope puts the default role where the rules want it: requesters for an organization. */
export function withScope(values: ProviderValues, scope: ProviderScope): ProviderValues {
  if (scope === 'organization') return { ...values, scope, defaultRole: 'requester' };
  const defaultRole = values.defaultRole === 'requester' ? STAFF_DEFAULT_ROLE : values.defaultRole;
  return { ...values, scope, organizationId: null, defaultRole };
}

/** What the form can tell before asking the server; the server checks everything again. */
export function checkValues(values: ProviderValues, creating: boolean): ProviderErrors {
  const errors: ProviderErrors = {};
  if (!values.name.trim()) errors.name = 'required';
  if (!values.issuer.trim()) errors.issuer = 'required';
  if (!values.clientId.trim()) errors.clientId = 'required';
  if (creating && !values.clientSecret) errors.clientSecret = 'required';
  if (values.scope === 'organization' && !values.organizationId) errors.organizationId = 'required';
  if (values.scope === 'staff') {
    const claims = values.mappings.map((row) => row.claim.trim());
    if (claims.some((claim) => !claim)) errors.roleMapping = 'emptyClaim';
    else if (new Set(claims).size !== claims.length) errors.roleMapping = 'repeatedClaim';
  }
  return errors;
}

/** An organization's provider makes requesters of everyone: its claims map to nothing. */
function assignment(values: ProviderValues) {
  if (values.scope === 'organization') {
    return {
      organizationId: values.organizationId,
      roleClaim: null,
      roleMapping: {},
      defaultRole: 'requester' as Role,
    };
  }
  const roleMapping: Record<string, Role> = {};
  for (const row of values.mappings) roleMapping[row.claim.trim()] = row.role;
  return {
    organizationId: null,
    roleClaim: values.roleClaim.trim() || null,
    roleMapping,
    defaultRole: values.defaultRole,
  };
}

export function createBodyOf(values: ProviderValues): CreateIdentityProviderBody {
  return {
    name: values.name.trim(),
    issuer: values.issuer.trim(),
    clientId: values.clientId.trim(),
    clientSecret: values.clientSecret,
    ...assignment(values),
    enabled: values.enabled,
  };
}

/** An edit sends every field but the secret, which goes only when a new one was typed. */
export function updateBodyOf(provider: IdentityProvider, values: ProviderValues): UpdateIdentityProviderBody {
  return {
    version: provider.version,
    name: values.name.trim(),
    issuer: values.issuer.trim(),
    clientId: values.clientId.trim(),
    ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
    ...assignment(values),
    enabled: values.enabled,
  };
}

/** Whether an edit changes whom the provider's subjects are matched to (the server then unlinks them). */
export function relinks(provider: IdentityProvider, values: ProviderValues): boolean {
  const organizationId = values.scope === 'organization' ? values.organizationId : null;
  return values.issuer.trim() !== provider.issuer || organizationId !== provider.organizationId;
}

export const MAPPABLE_ROLES: readonly Role[] = STAFF_ROLES;
