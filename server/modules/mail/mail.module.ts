import { defineModule } from '../../platform/module.js';
import type { PasswordResetService } from '../auth/password-reset.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { TicketHistory } from '../tickets/ticket-history.js';
import type { TicketProblems } from '../tickets/ticket-ports.js';
import { createDemoMail } from './mail.demo.js';
import { mailJobs } from './mail.jobs.js';
import { registerMailRoutes } from './mail.routes.js';
import { registerMailDeliveryRoutes } from './mail-delivery.routes.js';
import type { MailOutboxService } from './mail-outbox.service.js';
import type { MailTemplatesService } from './mail-templates.service.js';
import { passwordResetMailer } from './password-reset-mailer.js';
import { staffAlertMailer } from './staff-alert-mailer.js';
import type { TicketMailAdditions } from './ticket-mail-additions.js';
import { ticketMailNotifier } from './ticket-mail-notifier.js';
import { registerWithheldFileRoutes } from './withheld-files.routes.js';

type Deps = Parameters<typeof registerMailRoutes>[1] &
  Parameters<typeof registerWithheldFileRoutes>[1] &
  Parameters<typeof mailJobs>[0] &
  Parameters<typeof createDemoMail>[0] & {
    mailOutbox: MailOutboxService;
    mailTemplates: MailTemplatesService;
    history: TicketHistory;
    notifications: NotificationsService;
    passwordResets: PasswordResetService;
    ticketMailAdditions: TicketMailAdditions;
    ticketProblems: TicketProblems;
  };

export const mailModule = defineModule<Deps>({
  name: 'mail',
  routes: (app, deps) => {
    registerMailRoutes(app, deps);
    registerMailDeliveryRoutes(app, deps);
    registerWithheldFileRoutes(app, deps);
  },
  jobs: mailJobs,
  // The requester's notices commit with the ticket's change; staff alerts go out with the in-app
  // ones. Without a relay Mesa sends no mail, so it writes none to the outbox either.
  observe: ({
    mailOutbox,
    mailTemplates,
    mailConfig,
    history,
    notifications,
    passwordResets,
    ticketMailAdditions,
    ticketProblems,
  }) => {
    if (!mailOutbox.sending) return;
    history.observe(
      ticketMailNotifier(mailOutbox, mailTemplates, mailConfig.publicUrl, ticketProblems, ticketMailAdditions),
    );
    notifications.also(staffAlertMailer(mailOutbox, mailTemplates, mailConfig.publicUrl));
    passwordResets.mailWith(passwordResetMailer(mailOutbox, mailConfig.publicUrl));
  },
  demo: createDemoMail,
});
