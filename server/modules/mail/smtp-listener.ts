import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import { MAX_MESSAGE_BYTES, type MailIntakeService } from './mail-intake.service.js';

const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The built-in SMTP listener: it takes mail only for the desk's own addresses, and answers 250
 * only once the message is on disk and recorded; any failure answers 451, so the sending server
 * keeps the message and tries again.
 */
export function createSmtpListener(deps: {
  intake: MailIntakeService;
  isDeskAddress: (address: string) => Promise<boolean>;
  logger?: Logger;
}): SMTPServer {
  const { intake, isDeskAddress, logger } = deps;
  return new SMTPServer({
    name: hostname(),
    banner: 'Mesa de Servicio',
    authOptional: true,
    // TLS belongs to the MTA in front of Mesa; this listener is for loopback or a private network.
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onRcptTo(address, _session, callback) {
      isDeskAddress(address.address)
        .then((ours) => callback(ours ? undefined : refusal(550, `No mailbox ${address.address} here`)))
        .catch(() => callback(refusal(451, 'Temporary failure, try again later')));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(refusal(552, `Messages may be at most ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB`));
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
  });
}
