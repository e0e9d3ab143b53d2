import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type {
  CreateIdentityProviderBody,
  IdentityProvider,
  SignInProvider,
  UpdateIdentityProviderBody,
} from '../../../domain/contracts/mfa.js';
import { checkIdentityProvider, type IdentityProviderShape } from '../../../domain/identity-providers.js';
import { isStaff, ROLES, type Role } from '../../../domain/roles.js';
import type { DB, IdentityProviderRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { hashSecret, newId, sameSecret } from '../../platform/ids.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import { SecretBox } from '../../platform/secret-box.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { UsersService } from '../users/users.service.js';
import * as repo from './oidc.repository.js';

/** How long a browser has to come back from the identity provider. */
const SIGN_IN_MS = 10 * 60_000;

export interface OidcOptions {
  /** Tests only: accept an http:// issuer (a local provider on loopback). */
  allowHttpIssuer: boolean;
}

function toProvider(row: IdentityProviderRow): IdentityProvider {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    organizationId: row.organization_id,
    roleClaim: row.role_claim,
    roleMapping: JSON.parse(row.role_mapping) as Record<string, Role>,
    defaultRole: row.default_role as Role,
    enabled: row.enabled === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The roles a provider's claims give: mapped values of the role claim, else the default. */
export function rolesFromClaims(provider: IdentityProvider, claims: Record<string, unknown>): Role[] {
  if (provider.organizationId) return ['requester'];
  const raw = provider.roleClaim ? claims[provider.roleClaim] : undefined;
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const mapped = new Set<Role>();
  for (const value of values) {
    const role = typeof value === 'string' ? provider.roleMapping[value] : undefined;
    if (role && isStaff([role])) mapped.add(role);
  }
  if (mapped.size === 0 && isStaff([provider.defaultRole])) mapped.add(provider.defaultRole);
  return ROLES.filter((role) => mapped.has(role));
}

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) with the identity
 * providers an admin configures: one for staff, or one per client organization.
 */
export class OidcService {
  private readonly configs = new Map<string, Promise<client.Configuration>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly options: OidcOptions = { allowHttpIssuer: false },
    /** Seals the client secrets at rest (MESA_SECRET_KEY). */
    private readonly secrets: SecretBox = new SecretBox(null),
  ) {}

  async list(): Promise<IdentityProvider[]> {
    return (await repo.listProviders(this.db, this.secrets)).map(toProvider);
  }

  async forSignIn(): Promise<SignInProvider[]> {
    return (await this.list())
      .filter((provider) => provider.enabled)
      .map((provider) => ({
        id: provider.id,
        name: provider.name,
        startUrl: `/api/v1/auth/oidc/${provider.id}/start`,
      }));
  }

  async create(ctx: RequestContext, body: CreateIdentityProviderBody): Promise<IdentityProvider> {
    const organizationId = body.organizationId ?? null;
    await this.check({ ...body, organizationId, roleMapping: body.roleMapping ?? {} });
    const at = this.clock.now();
    const row: IdentityProviderRow = {
      id: newId(at.getTime()),
      name: body.name.trim(),
      issuer: body.issuer,
      client_id: body.clientId,
      client_secret: body.clientSecret,
      organization_id: organizationId,
      role_claim: body.roleClaim ?? null,
      role_mapping: JSON.stringify(body.roleMapping ?? {}),
      default_role: body.defaultRole,
      enabled: body.enabled === false ? 0 : 1,
      version: 1,
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
    };
    const provider = toProvider(row);
    await this.db.transaction().execute(async (trx) => {
      await repo.insertProvider(trx, this.secrets, row);
      // The client secret is never in the audit record: the provider as the API shows it has none.
      await this.audit.record(trx, ctx, {
        action: 'identity_provider.created',
        entityType: 'identity_provider',
        entityId: row.id,
        after: provider,
      });
    });
    return provider;
  }

  /**
   * An edit of the fields sent, checked as a whole. A new issuer or scope unlinks the accounts
   * matched so far: subjects are unique only within one issuer, and an account linked for staff
   * must not sign in through an organization's provider (they are matched again by verified email).
   */
  async update(ctx: RequestContext, id: string, body: UpdateIdentityProviderBody): Promise<IdentityProvider> {
    const found = await repo.findProvider(this.db, this.secrets, id);
    if (!found) throw notFound('Identity provider');
    const before = toProvider(found);
    const after: IdentityProvider = {
      ...before,
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.issuer !== undefined ? { issuer: body.issuer } : {}),
      ...(body.clientId !== undefined ? { clientId: body.clientId } : {}),
      ...(body.organizationId !== undefined ? { organizationId: body.organizationId } : {}),
      ...(body.roleClaim !== undefined ? { roleClaim: body.roleClaim } : {}),
      ...(body.roleMapping !== undefined ? { roleMapping: body.roleMapping } : {}),
      ...(body.defaultRole !== undefined ? { defaultRole: body.defaultRole } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
    };
    await this.check(after);
    const relinks = after.issuer !== before.issuer || after.organizationId !== before.organizationId;
    const at = this.clock.now().toISOString();
    const updated = await this.db.transaction().execute(async (trx) => {
      const row = await repo.updateProvider(trx, this.secrets, id, body.version, {
        name: after.name,
        issuer: after.issuer,
        client_id: after.clientId,
        ...(body.clientSecret !== undefined ? { client_secret: body.clientSecret } : {}),
        organization_id: after.organizationId,
        role_claim: after.roleClaim,
        role_mapping: JSON.stringify(after.roleMapping),
        default_role: after.defaultRole,
        enabled: after.enabled ? 1 : 0,
        version: found.version + 1,
        updated_at: at,
      });
      if (!row) throw new AppError('version_conflict', `Identity provider is at version ${found.version}`);
      if (relinks) await repo.deleteIdentitiesOf(trx, id);
      const provider = toProvider(row);
      await this.audit.record(trx, ctx, {
        action: 'identity_provider.updated',
        entityType: 'identity_provider',
        entityId: id,
        // Neither side holds the secret; that it changed is said without it.
        before,
        after: { ...provider, ...(body.clientSecret !== undefined ? { clientSecretChanged: true } : {}) },
      });
      return provider;
    });
    // The discovered configuration is kept per version: the old one is of no use any more.
    this.configs.delete(`${id}:${found.version}`);
    return updated;
  }

  private async check(provider: IdentityProviderShape): Promise<void> {
    const issues = checkIdentityProvider(provider, this.options.allowHttpIssuer);
    if (issues.length > 0) throw validationError(issues);
    if (provider.organizationId) {
      await this.organizations.get(systemContext, provider.organizationId).catch(() => {
        throw validationError([{ field: 'organizationId', message: 'no such organization' }]);
      });
    }
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const version = await this.db.transaction().execute(async (trx) => {
      const row = await repo.findProvider(trx, this.secrets, id);
      if (!row) throw notFound('Identity provider');
      await repo.deleteProvider(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'identity_provider.deleted',
        entityType: 'identity_provider',
        entityId: id,
        before: toProvider(row),
      });
      return row.version;
    });
    this.configs.delete(`${id}:${version}`);
  }

  private async enabledProvider(id: string): Promise<IdentityProviderRow> {
    const row = await repo.findProvider(this.db, this.secrets, id);
    if (row?.enabled !== 1) throw notFound('Identity provider');
    return row;
  }

  /** The provider's discovered configuration, kept per provider version. */
  private configuration(row: IdentityProviderRow): Promise<client.Configuration> {
    const key = `${row.id}:${row.version}`;
    let found = this.configs.get(key);
    if (!found) {
      const insecure = this.options.allowHttpIssuer && new URL(row.issuer).protocol === 'http:';
      found = client.discovery(new URL(row.issuer), row.client_id, row.client_secret, undefined, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      });
      // A failed discovery (the provider away) is tried again next time, not remembered.
      found.catch(() => this.configs.delete(key));
      this.configs.set(key, found);
    }
    return found.catch((error: unknown) => {
      throw new AppError('unavailable', `The identity provider cannot be reached (${(error as Error).message})`);
    });
  }

  /** Where to send the browser, and the state it must bring back (kept in a cookie by the route). */
  async start(providerId: string, redirectUri: string): Promise<{ url: string; state: string }> {
    const row = await this.enabledProvider(providerId);
    const config = await this.configuration(row);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const now = this.clock.now();
    await repo.insertSignIn(this.db, {
      id: hashSecret(state),
      provider_id: row.id,
      code_verifier: codeVerifier,
      nonce,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SIGN_IN_MS).toISOString(),
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * The browser is back with a code. The state must be the one this browser was given (its
   * cookie) and still pending; the code is exchanged with the PKCE verifier and the ID token's
   * nonce checked by openid-client. Answers the person to sign in, made on first sign-in.
   */
  async finish(currentUrl: URL, cookieState: string | undefined, redirectUri: string): Promise<string> {
    const state = currentUrl.searchParams.get('state');
    if (!state || !cookieState || !sameSecret(state, cookieState)) {
      throw new AppError('unauthenticated', 'This sign-in was not started by this browser; start it again');
    }
    const pending = await repo.takeSignIn(this.db, hashSecret(state), this.clock.now().toISOString());
    if (!pending) throw new AppError('unauthenticated', 'The sign-in has expired or was already used; start it again');
    const row = await this.enabledProvider(pending.provider_id);
    const config = await this.configuration(row);
    // openid-client compares the redirect it was sent to with the URL it gets: build it from ours.
    const callbackUrl = new URL(redirectUri);
    callbackUrl.search = currentUrl.search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = (tokens.claims() ?? {}) as Record<string, unknown>;
    } catch (error) {
      const reason = (error as { error_description?: string }).error_description ?? (error as Error).message;
      throw new AppError('unauthenticated', `The identity provider's answer was refused (${reason})`);
    }
    return this.personFor(toProvider(row), claims);
  }

  private async personFor(provider: IdentityProvider, claims: Record<string, unknown>): Promise<string> {
    const subject = typeof claims.sub === 'string' ? claims.sub : null;
    if (!subject) throw new AppError('unauthenticated', 'The identity provider named no subject');
    const linked = await repo.findIdentity(this.db, provider.id, subject);
    if (linked) {
      const user = await this.users.findActiveById(linked.user_id);
      if (!user) throw new AppError('forbidden', 'This account is deactivated');
      return user.id;
    }
    const email = typeof claims.email === 'string' ? claims.email : null;
    // An unverified address could be anyone's: it never matches or makes an account.
    if (!email || claims.email_verified !== true) {
      throw new AppError('forbidden', 'The identity provider did not give a verified email address');
    }
    const ctx: RequestContext = { ...systemContext };
    let userId: string;
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (existing.status !== 'active') throw new AppError('forbidden', 'This account is deactivated');
      const fits = provider.organizationId
        ? existing.organizationId === provider.organizationId
        : !existing.roles.includes('requester');
      // A client's provider cannot take over a staff account, nor a staff provider a client's.
      if (!fits) throw new AppError('forbidden', 'This identity provider does not sign in this account');
      userId = existing.id;
    } else {
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
      const created = await this.users.create(ctx, {
        email,
        name,
        roles: rolesFromClaims(provider, claims),
        organizationId: provider.organizationId,
      });
      userId = created.id;
    }
    await repo.insertIdentity(this.db, {
      provider_id: provider.id,
      subject,
      user_id: userId,
      created_at: this.clock.now().toISOString(),
    });
    return userId;
  }

  async purgeExpiredSignIns(): Promise<number> {
    const result = await repo.deleteExpiredSignIns(this.db, this.clock.now().toISOString());
    return Number(result.numDeletedRows);
  }
}
