import type { Kysely } from 'kysely';
import type { Notification, NotificationQuery } from '../../../domain/contracts/supervision.js';
import type { DB, NotificationTable } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import * as repo from './notifications.repository.js';

export type NewNotification = Pick<NotificationTable, 'ticket_id' | 'kind' | 'target' | 'percent'> & {
  problem_id?: string | null;
};

/** Another way to tell the same people, in the same transaction (mail, when it is set up). */
export type NotificationChannel = (trx: Kysely<DB>, userIds: string[], notification: NewNotification) => Promise<void>;

const userOf = (ctx: RequestContext) => {
  if (!ctx.principal) throw new AppError('unauthenticated');
  return ctx.principal.userId;
};

/** In-app notifications: what the SLA job and commitments tell the people named. */
export class NotificationsService {
  private readonly channels: NotificationChannel[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  also(channel: NotificationChannel): void {
    this.channels.push(channel);
  }

  /** Tells each person once, inside the caller's transaction. */
  async notify(trx: Kysely<DB>, userIds: Iterable<string>, notification: NewNotification): Promise<void> {
    const at = this.clock.now();
    const people = [...new Set(userIds)];
    for (const channel of this.channels) await channel(trx, people, notification);
    await repo.insertNotifications(
      trx,
      people.map((userId) => ({
        id: newId(at.getTime()),
        user_id: userId,
        created_at: at.toISOString(),
        read_at: null,
        problem_id: null,
        ...notification,
      })),
    );
  }

  async list(ctx: RequestContext, query: NotificationQuery) {
    const limit = query.limit ?? 50;
    const [before] = (decodeCursor(query.cursor, ['id']) ?? []) as string[];
    const rows = await repo.listForUser(this.db, userOf(ctx), { unread: query.unread, before, limit: limit + 1 });
    const page = pageOf(rows, limit, (row) => [row.id]);
    return {
      items: page.items.map(
        (row): Notification => ({
          id: row.id,
          kind: row.kind,
          ticket: { id: row.ticket_id, number: row.ticket_number, subject: row.ticket_subject },
          target: row.target,
          percent: row.percent,
          createdAt: row.created_at,
          readAt: row.read_at,
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  async unreadCount(ctx: RequestContext): Promise<{ unread: number }> {
    return { unread: await repo.countUnread(this.db, userOf(ctx)) };
  }

  async markRead(ctx: RequestContext, ids?: string[]): Promise<void> {
    await repo.markRead(this.db, userOf(ctx), this.clock.now().toISOString(), ids);
  }
}
