import type { AddressInfo } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../../server/config.js';
import { createSmtpListener } from '../../server/modules/mail/smtp-listener.js';
import type { Built } from './test-app.js';

/**
 * The mail settings of a desk under test whose notices are written to the outbox and never sent:
 * the relay is port 9 on loopback, where nothing listens.
 */
export function outboxOnlyMail(settings: Partial<MailConfig> & { from: string }): MailConfig {
  return {
    listenPort: null,
    listenHost: '127.0.0.1',
    relayUrl: 'smtp://127.0.0.1:9',
    inboundToken: null,
    publicUrl: null,
    ...settings,
  };
}

export interface TestSmtp {
  port: number;
  /** A mail client talking to the listener, as a sending server would. */
  send: Transporter;
  close(): Promise<void>;
}

/** Mesa's SMTP listener on a free loopback port, taking mail for the desk's addresses as main.ts wires it. */
export async function startTestSmtp(services: Built['services']): Promise<TestSmtp> {
  const listener = createSmtpListener({
    intake: services.mailIntake,
    isDeskAddress: async (address) => (await services.deskAddresses()).has(address.toLowerCase()),
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.server.address() as AddressInfo).port;
  const send = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    port,
    send,
    close: async () => {
      send.close();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
