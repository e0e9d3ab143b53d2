import { IdParams, ItemsOf } from '../../../domain/contracts/common.js';
import { WithheldFile } from '../../../domain/contracts/withheld-files.js';
import type { App } from '../../platform/http.js';
import type { WithheldFilesService } from './withheld-files.service.js';

export function registerWithheldFileRoutes(app: App, { withheldFiles }: { withheldFiles: WithheldFilesService }) {
  const tags = ['attachments'];

  app.get(
    '/tickets/:id/withheld-files',
    {
      config: { permission: 'tickets.work' },
      schema: { tags, params: IdParams, response: { 200: ItemsOf(WithheldFile) } },
    },
    async (request) => ({ items: await withheldFiles.listOfTicket(request.ctx, request.params.id) }),
  );

  // Always a download of opaque bytes: these are the files judged unsafe to store or show.
  app.get(
    '/withheld-files/:id/content',
    { config: { permission: 'tickets.work' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { file, content } = await withheldFiles.content(request.ctx, request.params.id);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );
}
