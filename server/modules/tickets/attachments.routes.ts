import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../../domain/contracts/common.js';
import { Attachment } from '../../../domain/contracts/tickets.js';
import { INLINE_IMAGE_TYPES } from '../../platform/content-type.js';
import { validationError } from '../../platform/errors.js';
import type { App } from '../../platform/http.js';
import type { ConversationService } from './conversation.service.js';

const UploadQuery = Type.Object(
  { internal: Type.Optional(Type.Boolean({ description: 'Staff only: a file the requester does not see' })) },
  { additionalProperties: false },
);

const multipart = {
  consumes: ['multipart/form-data'],
  description: 'multipart/form-data with one file field named "file"; at most 25 MiB',
};

export function registerAttachmentRoutes(app: App, { conversation }: { conversation: ConversationService }) {
  const tags = ['attachments'];

  const receive = async (request: FastifyRequest) => {
    const file = await request.file();
    if (file?.fieldname !== 'file')
      throw validationError([{ field: 'file', message: 'send one file in a field named "file"' }]);
    return { fileName: file.filename, stream: file.file, truncated: () => file.file.truncated };
  };

  app.post(
    '/attachments',
    { config: { permission: 'tickets.update' }, schema: { tags, ...multipart, response: { 201: Attachment } } },
    async (request, reply) => reply.code(201).send(await conversation.upload(request.ctx, await receive(request), {})),
  );

  app.post(
    '/tickets/:id/attachments',
    {
      config: { permission: 'tickets.update' },
      schema: { tags, ...multipart, params: IdParams, querystring: UploadQuery, response: { 201: Attachment } },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { internal } = request.query;
      const attachment = await conversation.upload(request.ctx, await receive(request), {
        ticketId: id,
        ...(internal !== undefined ? { internal } : {}),
      });
      return reply.code(201).send(attachment);
    },
  );

  // Only the images a browser shows safely are served inline (a message's body shows them in place);
  // every other file is a download, never rendered: nosniff and a sandbox keep it so.
  app.get(
    '/attachments/:id/content',
    { config: { permission: 'tickets.read' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { attachment, stream } = await conversation.download(request.ctx, request.params.id);
      return reply
        .type(attachment.contentType)
        .header('content-length', String(attachment.size))
        .header(
          'content-disposition',
          `${INLINE_IMAGE_TYPES.has(attachment.contentType) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
}
