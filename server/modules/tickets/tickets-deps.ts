import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../platform/clock.js';
import type { CategoriesService } from '../categories/categories.service.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { UsersService } from '../users/users.service.js';
import type { TicketHistory } from './ticket-history.js';
import type { TicketPlacement } from './ticket-ports.js';
import type { TicketReadsService } from './ticket-reads.service.js';

/** What raising and changing tickets use (`TicketsService` and the functions it delegates to). */
export interface TicketsDeps {
  db: Kysely<DB>;
  clock: Clock;
  reads: TicketReadsService;
  history: TicketHistory;
  users: UsersService;
  organizations: OrganizationsService;
  categories: CategoriesService;
  settings: SettingsService;
  routing: TicketPlacement;
}
