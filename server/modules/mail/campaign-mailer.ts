import type { Kysely } from 'kysely';
import { surveysEn } from '../../../domain/i18n/surveys-en.js';
import { surveysEs } from '../../../domain/i18n/surveys-es.js';
import { fillTemplate } from '../../../domain/mail/template-rules.js';
import type { DB } from '../../db/schema.js';
import { escapeHtml } from '../../platform/html.js';
import type { MailOutboxService } from './mail-outbox.service.js';

export interface CampaignMailRecipient {
  email: string;
  name: string;
  locale: 'es' | 'en';
}

/** Writes a campaign invitation (or a reminder) to the outbox in the caller's transaction: the port the surveys module mails through. */
export type CampaignMailer = (
  trx: Kysely<DB>,
  to: CampaignMailRecipient,
  invitation: { token: string; campaignName: string; organizationName: string; closesAt: string; reminder: boolean },
) => Promise<void>;

const CATALOGS = { es: surveysEs.surveys.campaignMail, en: surveysEn.surveys.campaignMail };

/**
 * A campaign's invitation or reminder, in the person's language, written to the outbox in the
 * opening (or reminding) transaction. The token travels in the fragment (`#token=`), which
 * browsers never send to a server. Without a relay Mesa sends no mail, so it writes none either.
 */
export function campaignMailer(outbox: MailOutboxService, publicUrl: string | null): CampaignMailer {
  return async (trx, to, invitation) => {
    if (!outbox.sending) return;
    const words = CATALOGS[to.locale];
    const link = `${publicUrl ?? ''}/campaign-survey#token=${invitation.token}`;
    const values = {
      name: to.name,
      organization: invitation.organizationName,
      campaign: invitation.campaignName,
      closes: invitation.closesAt.slice(0, 10),
    };
    const plain = (template: string) => fillTemplate(template, values, (s) => s);
    const html = (template: string) => fillTemplate(template, values, escapeHtml);
    const body = invitation.reminder ? words.reminder : words.body;
    await outbox.enqueue(trx, {
      ticketId: null,
      event: invitation.reminder ? 'campaign_reminder' : 'campaign_invitation',
      to: to.email,
      subject: plain(invitation.reminder ? words.reminderSubject : words.subject),
      text: [plain(words.greeting), plain(body), link, '--', words.footer].join('\n\n'),
      html: [
        '<div style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#1a1b1e">',
        `<p>${html(words.greeting)}</p>`,
        `<p>${html(body)}</p>`,
        `<p><a href="${escapeHtml(link)}">${escapeHtml(words.action)}</a></p>`,
        `<p style="color:#868e96;font-size:12px">${escapeHtml(words.footer)}</p>`,
        '</div>',
      ].join(''),
      references: null,
      autoSubmitted: 'auto-generated',
    });
  };
}
