import { systemContext } from '../../platform/request-context.js';
import type { OrganizationsService } from '../organizations/organizations.service.js';
import type { MailAdminService } from './mail-admin.service.js';

/**
 * The desk's mailbox and each client's mail domain, so mail handed to the demo (over HTTP with a
 * token, or the SMTP listener when a port is set) becomes tickets of the right organization.
 */
export async function createDemoMail(services: { mailAdmin: MailAdminService; organizations: OrganizationsService }) {
  await services.mailAdmin.createMailbox(systemContext, { address: 'soporte@mesa.demo', name: 'Mesa de Servicio' });
  const organizations = (await services.organizations.list(systemContext, { limit: 50 })).items;
  for (const organization of organizations) {
    const domain = organization.code === 'NORTHWIND' ? 'northwind.demo' : 'clinica-andina.demo';
    await services.mailAdmin.addDomain(systemContext, { domain, organizationId: organization.id });
  }
}
