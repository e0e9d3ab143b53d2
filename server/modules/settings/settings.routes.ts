import { SecuritySettings, SecuritySettingsBody, TicketSettings } from '../../../domain/contracts/settings.js';
import type { App } from '../../platform/http.js';
import type { SettingsService } from './settings.service.js';

export function registerSettingsRoutes(app: App, { settings }: { settings: SettingsService }) {
  const tags = ['settings'];
  app.get(
    '/settings/tickets',
    { config: { permission: 'authenticated' }, schema: { tags, response: { 200: TicketSettings } } },
    () => settings.ticketSettings(),
  );
  app.put(
    '/settings/tickets',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, body: TicketSettings, response: { 200: TicketSettings } },
    },
    (request) => settings.updateTicketSettings(request.ctx, request.body),
  );
  app.get(
    '/settings/security',
    { config: { permission: 'settings.manage' }, schema: { tags, response: { 200: SecuritySettings } } },
    () => settings.securitySettings(),
  );
  app.put(
    '/settings/security',
    {
      config: { permission: 'settings.manage' },
      schema: { tags, body: SecuritySettingsBody, response: { 200: SecuritySettings } },
    },
    (request) => settings.updateSecuritySettings(request.ctx, request.body),
  );
}
