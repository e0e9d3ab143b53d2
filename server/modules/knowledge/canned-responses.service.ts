import type { Kysely } from 'kysely';
import type { CannedResponse, CreateCannedResponseBody } from '../../../domain/contracts/procedures.js';
import type { CannedResponseTable, DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { sanitizeRichText } from '../../platform/html.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import * as repo from './canned-responses.repository.js';

const toCanned = (row: CannedResponseTable): CannedResponse => ({
  id: row.id,
  title: row.title,
  bodyHtml: row.body_html,
  shared: row.owner_id === null,
  version: row.version,
});

/** Ready-made replies: shared by the whole desk, or one agent's own. */
export class CannedResponsesService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext): Promise<CannedResponse[]> {
    const userId = ctx.principal?.userId ?? '';
    return (await repo.listVisible(this.db, userId)).map(toCanned);
  }

  async create(ctx: RequestContext, body: CreateCannedResponseBody): Promise<CannedResponse> {
    const at = this.clock.now().toISOString();
    const row: CannedResponseTable = {
      id: newId(this.clock.now().getTime()),
      title: body.title.trim(),
      body_html: sanitizeRichText(body.bodyHtml),
      owner_id: body.shared ? null : (ctx.principal?.userId ?? null),
      version: 1,
      created_at: at,
      updated_at: at,
    };
    await repo.insertCanned(this.db, row);
    return toCanned(row);
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const userId = ctx.principal?.userId ?? '';
    const canManageShared = ctx.principal?.roles.some((r) => r === 'supervisor' || r === 'admin') ?? false;
    if (!(await repo.deleteCanned(this.db, id, userId, canManageShared))) throw notFound('Canned response');
  }
}
