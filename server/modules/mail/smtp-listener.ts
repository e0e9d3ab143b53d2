import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { type MailIntakeService, tooLargeMessage } from './mail-intake.service.js';

const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The built-in SMTP listener: it takes mail only for the desk's own addresses, and answers 250
 * only once the message is on disk and recorded; any failure answers 451, so the sending server
 * keeps the message and tries again.
 *
 * The size limit is the intake's: announced in EHLO (SIZE), a MAIL FROM declaring more is refused
 * with 552 5.3.4 before any data, and a client that declares nothing is answered 552 at the end of
 * DATA, its bytes past the limit never held in memory. A message is taken whole or refused whole,
 * never taken with parts dropped.
 */
export function createSmtpListener(deps: {
  intake: Pick<MailIntakeService, 'accept' | 'maxBytes'>;
  isDeskAddress: (address: string) => Promise<boolean>;
  logger?: Logger;
}): SMTPServer {
  const { intake, isDeskAddress, logger } = deps;
  const maxBytes = intake.maxBytes;
  const options: SMTPServerOptions & { rejectOversized: boolean } = {
    name: hostname(),
    banner: 'Mesa de Servicio',
    authOptional: true,
    // TLS belongs to the MTA in front of Mesa; this listener is for loopback or a private network.
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    // The server itself answers 552 5.3.4 to a message that went over, whatever onData said.
    rejectOversized: true,
    // Enhanced codes let the sending server tell "too big" (5.3.4) from other permanent refusals.
    hideENHANCEDSTATUSCODES: false,
    logger: false,
    onRcptTo(address, _session, callback) {
      isDeskAddress(address.address)
        .then((ours) => callback(ours ? undefined : refusal(550, `No mailbox ${address.address} here`)))
        .catch(() => callback(refusal(451, 'Temporary failure, try again later')));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is read (the protocol needs the final dot) but not kept.
        if (bytes <= maxBytes) chunks.push(chunk);
        else chunks.length = 0;
      });
      stream.on('end', () => {
        if (bytes > maxBytes || (stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(refusal(552, tooLargeMessage(maxBytes)));
          return;
        }
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
        };
        intake
          .accept(Buffer.concat(chunks), envelope, 'smtp')
          .then(({ id }) => callback(null, `Queued as ${id}`))
          .catch((error) => {
            logger?.error({ err: error }, 'incoming mail could not be stored');
            callback(refusal(451, 'Temporary failure, try again later'));
          });
      });
    },
  };
  return new SMTPServer(options);
}
