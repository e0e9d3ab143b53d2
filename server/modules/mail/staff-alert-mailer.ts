import type { Kysely } from 'kysely';
import { supervisionEn } from '../../../domain/i18n/supervision-en.js';
import { supervisionEs } from '../../../domain/i18n/supervision-es.js';
import type { DB } from '../../db/schema.js';
import type { NewNotification } from '../notifications/notifications.service.js';
import * as repo from './mail.repository.js';
import type { MailOutboxService } from './mail-outbox.service.js';
import { renderMail } from './mail-templates.js';
import type { MailTemplatesService } from './mail-templates.service.js';

const CATALOGS = { es: supervisionEs.supervision, en: supervisionEn.supervision };

/** The alert in one sentence, worded as the in-app notification is (one catalog for both). */
function alertSentence(locale: 'es' | 'en', notification: NewNotification): string {
  const catalog = CATALOGS[locale];
  const target = notification.target ? catalog.sla.targetNames[notification.target] : catalog.notifications.someTarget;
  return catalog.notifications.kinds[notification.kind]
    .replace('{{target}}', target)
    .replace('{{percent}}', String(notification.percent ?? ''));
}

/**
 * SLA warnings, breaches, escalations and commitment alerts by mail to the staff they name, in
 * each one's language, written to the outbox in the transaction that fired them.
 */
export function staffAlertMailer(outbox: MailOutboxService, templates: MailTemplatesService, publicUrl: string | null) {
  return async (trx: Kysely<DB>, userIds: string[], notification: NewNotification) => {
    if (userIds.length === 0) return;
    // About a ticket, or about a problem report (its PRB number, subject and page).
    const heading = notification.problem_id
      ? await repo.problemHeading(trx, notification.problem_id)
      : await repo.ticketHeading(trx, notification.ticket_id as string);
    const path = notification.problem_id
      ? `/workspace/problems/${notification.problem_id}`
      : `/workspace/tickets/${notification.ticket_id}`;
    const people = await repo.activeRecipients(trx, userIds);
    for (const person of people) {
      const locale = person.locale ?? 'es';
      const what = alertSentence(locale, notification);
      const rendered = renderMail(
        await templates.effective(trx, locale),
        'staff_alert',
        { number: heading.number, subject: heading.subject, what: what.charAt(0).toUpperCase() + what.slice(1) },
        { link: publicUrl ? `${publicUrl}${path}` : null },
      );
      await outbox.enqueue(trx, {
        ticketId: notification.ticket_id ?? null,
        event: 'staff_alert',
        to: person.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        references: null,
        autoSubmitted: 'auto-generated',
      });
    }
  };
}
