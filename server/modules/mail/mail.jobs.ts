import type { MailConfig } from '../../config.js';
import type { JobDefinition } from '../../platform/jobs.js';
import { ImapPoller } from './imap-poller.js';
import type { MailIntakeService } from './mail-intake.service.js';
import type { MailOutboxService } from './mail-outbox.service.js';
import type { MailProcessorService } from './mail-processor.service.js';

const MAIL_EVERY_S = 5;
const IMAP_POLL_EVERY_S = 60;

interface Deps {
  mailConfig: MailConfig;
  mailIntake: MailIntakeService;
  mailProcessor: MailProcessorService;
  mailOutbox: MailOutboxService;
}

export function mailJobs({ mailConfig, mailIntake, mailProcessor, mailOutbox }: Deps): JobDefinition[] {
  const jobs: JobDefinition[] = [
    {
      // Messages stored but not yet taken in (after a crash or restart, or a failed first try),
      // and the outbox's mail whose time has come.
      name: 'mail_work',
      module: 'mail',
      schedule: { kind: 'interval', everySeconds: MAIL_EVERY_S },
      scope: 'cluster',
      run: async () => {
        const [processed, sent] = await Promise.all([mailProcessor.processWaiting(), mailOutbox.sendDue()]);
        return { processed, sent };
      },
    },
  ];
  // Mail from an existing mailbox (MESA_IMAP_URL). A message taken by a poll that failed before
  // moving it is taken again by the next, and the intake stores it once.
  if (mailConfig.imap) {
    const poller = ImapPoller.fromConfig(mailIntake, mailConfig.imap);
    jobs.push({
      name: 'mail_imap_poll',
      module: 'mail',
      schedule: { kind: 'interval', everySeconds: IMAP_POLL_EVERY_S },
      scope: 'cluster',
      run: async () => ({ ...(await poller.pollOnce()) }),
    });
  }
  return jobs;
}
