import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { CreateIdentityProviderBody, IdentityProvider, SignInProvider } from '../../../domain/contracts/mfa.js';
import { ROLES, type Role } from '../../../domain/roles.js';
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
    if (role && role !== 'requester') mapped.add(role);
  }
  if (mapped.size === 0 && provider.defaultRole !== 'requester') mapped.add(provider.defaultRole);
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
    const issues = [];
    const issuer = new URL(body.issuer);
    if (issuer.protocol !== 'https:' && !this.options.allowHttpIssuer)
      issues.push({ field: 'issuer', message: 'must be an https:// address' });
    if (issuer.search || issuer.hash) issues.push({ field: 'issuer', message: 'must have no query or fragment' });
    const organizationId = body.organizationId ?? null;
    if (organizationId && body.defaultRole !== 'requester')
      issues.push({ field: 'defaultRole', message: "an organization's provider signs in requesters" });
    if (!organizationId && body.defaultRole === 'requester')
      issues.push({ field: 'defaultRole', message: 'a staff provider gives a staff role' });
    if (!organizationId && Object.values(body.roleMapping ?? {}).includes('requester'))
      issues.push({ field: 'roleMapping', message: 'a staff provider maps to staff roles' });
    if (issues.length > 0) throw validationError(issues);
    if (organizationId) {
      await this.organizations.get(systemContext, organizationId).catch(() => {
        throw validationError([{ field: 'organizationId', message: 'no such organization' }]);
      });
    }
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

  async remove(ctx: RequestContext, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await repo.findProvider(trx, this.secrets, id);
      if (!row) throw notFound('Identity provider');
      await repo.deleteProvider(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'identity_provider.deleted',
        entityType: 'identity_provider',
        entityId: id,
        before: toProvider(row),
      });
    });
    this.configs.delete(id);
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
