import type { Kysely } from 'kysely';
import type {
  CreateOrganizationBody,
  CreateServiceBody,
  Organization,
  OrganizationListQuery,
  Service,
  UpdateOrganizationBody,
  UpdateServiceBody,
} from '../../../domain/contracts/organizations.js';
import type { ConfigCache } from '../../db/config-cache.js';
import type { DB, OrganizationRow, ServiceRow } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { AppError, conflictOnUnique, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { organizationScope } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import * as repo from './organizations.repository.js';

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    status: row.status,
    requestersSeeAllTickets: row.requesters_see_all_tickets === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    description: row.description,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const codeTaken = conflictOnUnique('code', 'another organization already uses this code');
const serviceNameTaken = conflictOnUnique('name', 'this organization already has a service with this name');

export class OrganizationsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly config: ConfigCache,
  ) {}

  async list(ctx: RequestContext, query: OrganizationListQuery) {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, ['text', 'id']);
    const rows = await repo.listOrganizations(this.db, {
      scope: organizationScope(ctx),
      q: query.q,
      status: query.status,
      after: cursor ? { name: String(cursor[0]), id: String(cursor[1]) } : undefined,
      limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => [row.name, row.id]);
    return { items: page.items.map(toOrganization), nextCursor: page.nextCursor };
  }

  /** `db` is the caller's transaction when it has one: on SQLite, reading outside it would wait on it forever. */
  async get(ctx: RequestContext, id: string, db: Kysely<DB> = this.db): Promise<Organization> {
    const row = await repo.findOrganization(db, id, organizationScope(ctx));
    if (!row) throw notFound('Organization');
    return toOrganization(row);
  }

  async create(ctx: RequestContext, body: CreateOrganizationBody): Promise<Organization> {
    const at = this.clock.now();
    const now = at.toISOString();
    const row: OrganizationRow = {
      id: newId(at.getTime()),
      name: body.name.trim(),
      code: body.code,
      status: 'active',
      requesters_see_all_tickets: body.requestersSeeAllTickets ? 1 : 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await this.db
      .transaction()
      .execute(async (trx) => {
        await repo.insertOrganization(trx, row);
        await this.audit.record(trx, ctx, {
          action: 'organization.created',
          entityType: 'organization',
          entityId: row.id,
          organizationId: row.id,
          after: toOrganization(row),
        });
      })
      .catch(codeTaken);
    return toOrganization(row);
  }

  async update(ctx: RequestContext, id: string, body: UpdateOrganizationBody): Promise<Organization> {
    const { version, requestersSeeAllTickets, ...fields } = body;
    const changes: Partial<OrganizationRow> = { ...fields, updated_at: this.clock.now().toISOString() };
    if (fields.name !== undefined) changes.name = fields.name.trim();
    if (requestersSeeAllTickets !== undefined) changes.requesters_see_all_tickets = requestersSeeAllTickets ? 1 : 0;
    return this.db
      .transaction()
      .execute(async (trx) => {
        const before = await repo.findOrganization(trx, id, null);
        if (!before) throw notFound('Organization');
        const after = await repo.updateOrganization(trx, id, version, changes);
        if (!after)
          throw new AppError('version_conflict', `Organization is at version ${before.version}, not ${version}`);
        await this.audit.record(trx, ctx, {
          action: 'organization.updated',
          entityType: 'organization',
          entityId: id,
          organizationId: id,
          before: toOrganization(before),
          after: toOrganization(after),
        });
        return toOrganization(after);
      })
      .catch(codeTaken);
  }

  async listServices(ctx: RequestContext, organizationId: string): Promise<Service[]> {
    await this.get(ctx, organizationId);
    const rows = await repo.listServices(this.db, organizationId);
    return rows.map(toService);
  }

  async findService(id: string, db: Kysely<DB> = this.db): Promise<Service | undefined> {
    const row = await this.config.read(db, `service:${id}`, () => repo.findService(db, id));
    return row ? toService(row) : undefined;
  }

  async createService(ctx: RequestContext, organizationId: string, body: CreateServiceBody): Promise<Service> {
    const at = this.clock.now();
    const now = at.toISOString();
    const row: ServiceRow = {
      id: newId(at.getTime()),
      organization_id: organizationId,
      name: body.name.trim(),
      description: body.description ?? '',
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await this.db
      .transaction()
      .execute(async (trx) => {
        if (!(await repo.findOrganization(trx, organizationId, null))) throw notFound('Organization');
        await repo.insertService(trx, row);
        await this.audit.record(trx, ctx, {
          action: 'service.created',
          entityType: 'service',
          entityId: row.id,
          organizationId,
          after: toService(row),
        });
      })
      .catch(serviceNameTaken);
    return toService(row);
  }

  async updateService(ctx: RequestContext, id: string, body: UpdateServiceBody): Promise<Service> {
    const { version, ...fields } = body;
    const changes: Partial<ServiceRow> = { ...fields, updated_at: this.clock.now().toISOString() };
    if (fields.name !== undefined) changes.name = fields.name.trim();
    return this.db
      .transaction()
      .execute(async (trx) => {
        const before = await repo.findService(trx, id);
        if (!before) throw notFound('Service');
        const after = await repo.updateService(trx, id, version, changes);
        if (!after) throw new AppError('version_conflict', `Service is at version ${before.version}, not ${version}`);
        await this.audit.record(trx, ctx, {
          action: 'service.updated',
          entityType: 'service',
          entityId: id,
          organizationId: before.organization_id,
          before: toService(before),
          after: toService(after),
        });
        return toService(after);
      })
      .catch(serviceNameTaken);
  }
}
