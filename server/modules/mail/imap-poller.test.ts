import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../../../test/support/databases.js';
import { buildTestApp, makeOrganization } from '../../../test/support/test-app.js';
import { parseImapUrl } from '../../config.js';
import { systemContext } from '../../platform/request-context.js';
import { ImapPollError, ImapPoller, type ImapPollerOptions, TAKEN_KEYWORD } from './imap-poller.js';

// A real IMAP server: test/support/start-dovecot.sh starts one on loopback, and .ci/run sets these.
const IMAP_URL = process.env.MESA_TEST_IMAP_URL;
const REQUIRE_IMAP = process.env.MESA_TEST_REQUIRE_IMAP === '1';

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

function message(messageId: string, subject: string, extraHeaders: string[] = []): string {
  return [
    ...extraHeaders,
    'From: Ana Perez <ana@clinica.test>',
    'To: soporte@mesa.test',
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `${subject}: please help.`,
    '',
  ].join('\r\n');
}

/** A poller whose next moves fail after the intake has stored the message: a poll cut short there. */
class InterruptedPoller extends ImapPoller {
  failures = 0;
  protected override async markTaken(client: ImapFlow, uid: number, destination: string | null): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('connection lost before the move');
    }
    await super.markTaken(client, uid, destination);
  }
}

if (!IMAP_URL) {
  if (REQUIRE_IMAP) {
    describe('IMAP polling', () => {
      it('needs an IMAP server', () => {
        throw new Error('MESA_TEST_REQUIRE_IMAP=1 but MESA_TEST_IMAP_URL is not set');
      });
    });
  } else {
    const reason =
      'IMAP tests skipped: apt-get install -y dovecot-imapd, run test/support/start-dovecot.sh "$(mktemp -d)" and set ' +
      'MESA_TEST_IMAP_URL=imap://mesa:secret@127.0.0.1:10143 to run them (CI does).';
    console.log(reason);
    describe('IMAP polling', () => {
      it('polls a real IMAP server', (context) => context.skip(reason));
    });
  }
} else {
  const account = parseImapUrl(IMAP_URL, 'MESA_TEST_IMAP_URL');

  describeOnEachDatabase('IMAP polling of an existing mailbox', (database, engine) => {
    // Folders of their own, so the runs on each engine (and earlier runs) never meet.
    const run = `${engine}-${randomBytes(4).toString('hex')}`;
    const folder = `Mesa-test-${run}`;
    const processedLevels = ['Mesa', `Procesados ñ ${run}`];
    const flaggedFolder = `Mesa-test-flagged-${run}`;
    const options: ImapPollerOptions = {
      ...account,
      folder,
      processedFolder: processedLevels.join('/'),
      address: 'soporte@mesa.test',
    };
    let built: Awaited<ReturnType<typeof buildTestApp>>;
    let imap: ImapFlow;

    const inbound = () => database().db.selectFrom('inbound_mail').selectAll().orderBy('id').execute();
    const ticketCount = async () => (await database().db.selectFrom('tickets').select('id').execute()).length;
    const append = (path: string, raw: string) => imap.append(path, raw);
    const count = async (path: string) => {
      const status = await imap.status(path, { messages: true });
      return status ? status.messages : undefined;
    };
    /** The processed folder as the server names it (its separator between the levels). */
    const processedPath = async () => {
      const found = (await imap.list()).find((mailbox) => mailbox.path === processedLevels.join(mailbox.delimiter));
      if (!found) throw new Error(`no folder ${processedLevels.join('/')} on the server`);
      return found.path;
    };

    beforeAll(async () => {
      built = await buildTestApp(database(), {
        mail: {
          listenPort: null,
          listenHost: '127.0.0.1',
          relayUrl: null,
          from: 'Mesa Soporte <soporte@mesa.test>',
          inboundToken: null,
          publicUrl: null,
        },
      });
      const organization = await makeOrganization(built, 'Clínica Andina');
      await built.services.mailAdmin.createMailbox(systemContext, {
        address: 'soporte@mesa.test',
        name: 'Soporte',
        organizationId: null,
      });
      await built.services.mailAdmin.addDomain(systemContext, {
        domain: 'clinica.test',
        organizationId: organization.id,
      });
      imap = new ImapFlow({
        host: account.host,
        port: account.port,
        secure: account.secure,
        auth: { user: account.user, pass: account.password },
        logger: false,
      });
      imap.on('error', () => {});
      await imap.connect();
      await imap.mailboxCreate(folder);
      await imap.mailboxCreate(flaggedFolder);
    });

    afterAll(async () => {
      if (imap?.usable) {
        for (const path of [folder, flaggedFolder, await processedPath().catch(() => null)])
          if (path) await imap.mailboxDelete(path).catch(() => {});
        await imap.logout();
      }
    });

    it('makes each message a ticket, moves it to the processed folder (created), and takes it once', async () => {
      await append(folder, message(`first-${run}@clinica.test`, 'Printer down', ['Return-Path: <ana@clinica.test>']));
      await append(folder, message(`second-${run}@clinica.test`, 'VPN refuses my password'));
      await append(folder, message(`third-${run}@clinica.test`, 'New laptop for Luis'));
      const poller = new ImapPoller(built.services.mailIntake, options);

      expect(await poller.pollOnce()).toEqual({ taken: 3, duplicates: 0, refused: 0 });

      const rows = await inbound();
      expect(rows.map((row) => [row.via, row.subject, JSON.parse(row.envelope_to)])).toEqual([
        ['imap', 'Printer down', ['soporte@mesa.test']],
        ['imap', 'VPN refuses my password', ['soporte@mesa.test']],
        ['imap', 'New laptop for Luis', ['soporte@mesa.test']],
      ]);
      expect(rows.map((row) => row.envelope_from)).toEqual(['ana@clinica.test', null, null]);
      await eventually(async () => (await inbound()).map((row) => [row.status, row.outcome])).toEqual([
        ['processed', 'ticket'],
        ['processed', 'ticket'],
        ['processed', 'ticket'],
      ]);
      expect(await ticketCount()).toBe(3);
      expect(await count(folder)).toBe(0);
      expect(await count(await processedPath())).toBe(3);

      // Nothing left to take.
      expect(await poller.pollOnce()).toEqual({ taken: 0, duplicates: 0, refused: 0 });
      expect(await inbound()).toHaveLength(3);
    });

    it('recognizes a message it already took (same Message-ID) and makes no second ticket', async () => {
      const tickets = await ticketCount();
      await append(folder, message(`first-${run}@clinica.test`, 'Printer down (sent again)'));
      const poller = new ImapPoller(built.services.mailIntake, options);

      expect(await poller.pollOnce()).toEqual({ taken: 0, duplicates: 1, refused: 0 });

      expect(await inbound()).toHaveLength(3);
      expect(await ticketCount()).toBe(tickets);
      // Moved all the same, so it is not read again.
      expect(await count(folder)).toBe(0);
      expect(await count(await processedPath())).toBe(4);
    });

    it('after a poll cut short between storing a message and moving it, takes that message once', async () => {
      const tickets = await ticketCount();
      const before = (await inbound()).length;
      await append(folder, message(`cut-${run}@clinica.test`, 'Screen flickers'));
      await append(folder, message(`after-cut-${run}@clinica.test`, 'Mouse lost'));
      const poller = new InterruptedPoller(built.services.mailIntake, options);
      poller.failures = 1;

      const failed = await poller.pollOnce().catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(ImapPollError);
      expect((failed as Error).message).toMatch(/connection lost before the move/);
      expect((failed as Error).message).not.toContain(account.password);
      // The first one is stored, and still in the folder with the second one.
      expect((await inbound()).map((row) => row.subject).slice(before)).toEqual(['Screen flickers']);
      expect(await count(folder)).toBe(2);

      expect(await poller.pollOnce()).toEqual({ taken: 1, duplicates: 1, refused: 0 });

      expect((await inbound()).map((row) => row.subject).slice(before)).toEqual(['Screen flickers', 'Mouse lost']);
      await eventually(ticketCount).toBe(tickets + 2);
      expect(await count(folder)).toBe(0);
      expect(await poller.pollOnce()).toEqual({ taken: 0, duplicates: 0, refused: 0 });
    });

    it('can leave taken messages in place, flagged seen and taken', async () => {
      const poller = new ImapPoller(built.services.mailIntake, {
        ...options,
        folder: flaggedFolder,
        processedFolder: null,
      });
      await append(flaggedFolder, message(`flagged-${run}@clinica.test`, 'Keyboard missing keys'));

      expect(await poller.pollOnce()).toEqual({ taken: 1, duplicates: 0, refused: 0 });

      const lock = await imap.getMailboxLock(flaggedFolder);
      try {
        const [kept] = await imap.fetchAll('1:*', { uid: true, flags: true });
        expect([...(kept?.flags ?? [])]).toEqual(expect.arrayContaining(['\\Seen', TAKEN_KEYWORD]));
      } finally {
        lock.release();
      }
      expect(await poller.pollOnce()).toEqual({ taken: 0, duplicates: 0, refused: 0 });
    });

    it('leaves a message over the intake’s size limit in the folder, never downloaded, and takes the rest', async () => {
      const sizesFolder = `Mesa-test-sizes-${run}`;
      await imap.mailboxCreate(sizesFolder);
      try {
        const small = message(`small-${run}@clinica.test`, 'Short note');
        const large = `${message(`large-${run}@clinica.test`, 'Long log')}${'log line\r\n'.repeat(1000)}`;
        await append(sizesFolder, large);
        await append(sizesFolder, small);
        const intake = built.services.mailIntake;
        // The same intake, held to a limit between the two messages' sizes.
        const limited = { accept: intake.accept.bind(intake), maxBytes: Buffer.byteLength(small) + 100 };
        const poller = new ImapPoller(limited, { ...options, folder: sizesFolder });

        expect(await poller.pollOnce()).toEqual({ taken: 1, duplicates: 0, refused: 1 });

        const subjects = (await inbound()).map((row) => row.subject);
        expect(subjects).toContain('Short note');
        expect(subjects).not.toContain('Long log');
        expect(await count(sizesFolder)).toBe(1);
      } finally {
        await imap.mailboxDelete(sizesFolder).catch(() => {});
      }
    });

    it('fails a poll with a clear error that never shows the password', async () => {
      const password = 'not-the-password-7f3a';
      const poller = new ImapPoller(built.services.mailIntake, { ...options, password });
      const failed = await poller.pollOnce().catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(ImapPollError);
      expect((failed as Error).message).toBe(
        `IMAP ${account.user}@${account.host}:${account.port}/${folder}: authentication failed (check the user and password in MESA_IMAP_URL)`,
      );
      expect(JSON.stringify(failed)).not.toContain(password);
      expect(String((failed as Error).stack)).not.toContain(password);
    });
  });
}
