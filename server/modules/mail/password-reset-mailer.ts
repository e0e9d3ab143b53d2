import { passwordResetEn } from '../../../domain/i18n/password-reset-en.js';
import { passwordResetEs } from '../../../domain/i18n/password-reset-es.js';
import { fillTemplate } from '../../../domain/mail/template-rules.js';
import { escapeHtml } from '../../platform/html.js';
import type { PasswordResetMailer } from '../auth/password-reset.service.js';
import type { MailOutboxService } from './mail-outbox.service.js';

const CATALOGS = { es: passwordResetEs.passwordReset.mail, en: passwordResetEn.passwordReset.mail };

/**
 * The reset link by mail, in the person's language, written to the outbox in the request's
 * transaction. The secret travels in the fragment (`#token=`), which browsers never send to a
 * server, so it reaches no access log or Referer. Without MESA_PUBLIC_URL the link is the path alone.
 */
export function passwordResetMailer(outbox: MailOutboxService, publicUrl: string | null): PasswordResetMailer {
  return async (trx, to, { token }) => {
    const words = CATALOGS[to.locale];
    const link = `${publicUrl ?? ''}/reset-password#token=${token}`;
    const greeting = fillTemplate(words.greeting, { name: to.name }, (s) => s);
    const htmlGreeting = fillTemplate(words.greeting, { name: to.name }, escapeHtml);
    await outbox.enqueue(trx, {
      ticketId: null,
      event: 'password_reset',
      to: to.email,
      subject: words.subject,
      text: [greeting, words.body, link, words.ignore, '--', words.footer].join('\n\n'),
      html: [
        '<div style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#1a1b1e">',
        `<p>${htmlGreeting}</p>`,
        `<p>${escapeHtml(words.body)}</p>`,
        `<p><a href="${escapeHtml(link)}">${escapeHtml(words.action)}</a></p>`,
        `<p>${escapeHtml(words.ignore)}</p>`,
        `<p style="color:#868e96;font-size:12px">${escapeHtml(words.footer)}</p>`,
        '</div>',
      ].join(''),
      references: null,
      autoSubmitted: 'auto-generated',
    });
  };
}
