import type { Kysely } from 'kysely';
import type { Category, CreateCategoryBody, UpdateCategoryBody } from '../../../domain/contracts/tickets.js';
import type { ConfigCache } from '../../db/config-cache.js';
import type { CategoryRow, DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { organizationScope } from '../../platform/policies.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import * as repo from './categories.repository.js';

function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    parentId: row.parent_id,
    serviceId: row.service_id,
    name: row.name,
    status: row.status,
    version: row.version,
  };
}

/** The category/subcategory tree tickets are filed under, per service where needed. */
export class CategoriesService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly config: ConfigCache,
  ) {}

  private cached(db: Kysely<DB>, id: string) {
    return this.config.read(db, `category:${id}`, () => repo.findCategory(db, id));
  }

  /** The categories the caller may see: a requester only those of their organization's services and the global ones. */
  async list(
    ctx: RequestContext,
    filter: { serviceId?: string | undefined; includeInactive?: boolean | undefined },
  ): Promise<Category[]> {
    const rows = await repo.listCategories(this.db, {
      serviceId: filter.serviceId,
      includeInactive: filter.includeInactive ?? false,
      organizationId: organizationScope(ctx),
    });
    return rows.map(toCategory);
  }

  async find(id: string, db: Kysely<DB> = this.db): Promise<Category | undefined> {
    const row = await this.cached(db, id);
    return row ? toCategory(row) : undefined;
  }

  /** The category a ticket may use: active, and belonging to the ticket's service or to all services. */
  async checkUsable(categoryId: string, serviceId: string | null, db: Kysely<DB> = this.db): Promise<CategoryRow> {
    const row = await this.cached(db, categoryId);
    if (row?.status !== 'active') throw validationError([{ field: 'categoryId', message: 'no such active category' }]);
    if (row.service_id && row.service_id !== serviceId) {
      throw validationError([{ field: 'categoryId', message: 'belongs to another service' }]);
    }
    return row;
  }

  async create(ctx: RequestContext, body: CreateCategoryBody): Promise<Category> {
    const at = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      let serviceId = body.serviceId ?? null;
      if (body.parentId) {
        const parent = await repo.findCategory(trx, body.parentId);
        if (!parent) throw validationError([{ field: 'parentId', message: 'no such category' }]);
        if (parent.parent_id)
          throw validationError([{ field: 'parentId', message: 'subcategories cannot have subcategories' }]);
        // A subcategory lives under its parent's service.
        serviceId = parent.service_id;
      }
      const row: CategoryRow = {
        id: newId(at.getTime()),
        parent_id: body.parentId ?? null,
        service_id: serviceId,
        name: body.name.trim(),
        status: 'active',
        version: 1,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
      if (serviceId && !(await this.organizations.findService(serviceId, trx))) {
        throw validationError([{ field: 'serviceId', message: 'no such service' }]);
      }
      await repo.insertCategory(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'category.created',
        entityType: 'category',
        entityId: row.id,
        after: toCategory(row),
      });
      return toCategory(row);
    });
  }

  async update(ctx: RequestContext, id: string, body: UpdateCategoryBody): Promise<Category> {
    const { version, ...fields } = body;
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findCategory(trx, id);
      if (!before) throw notFound('Category');
      const after = await repo.updateCategory(trx, id, version, {
        ...fields,
        ...(fields.name ? { name: fields.name.trim() } : {}),
        updated_at: this.clock.now().toISOString(),
      });
      if (!after) throw new AppError('version_conflict', `Category is at version ${before.version}, not ${version}`);
      await this.audit.record(trx, ctx, {
        action: 'category.updated',
        entityType: 'category',
        entityId: id,
        before: toCategory(before),
        after: toCategory(after),
      });
      return toCategory(after);
    });
  }
}
