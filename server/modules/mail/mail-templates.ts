import type { MailEvent, MailTemplates } from '../../../domain/i18n/mail-es.js';
import { fillTemplate } from '../../../domain/mail/template-rules.js';
import { escapeHtml } from '../../platform/html.js';
import type { MailAction } from './ticket-mail-additions.js';

/**
 * A message rendered as text and HTML from the event's template in the reader's language. `html`
 * is rich text already made safe (an agent's reply), placed after the template's paragraphs.
 */
export function renderMail(
  templates: MailTemplates,
  event: MailEvent,
  values: Record<string, string>,
  extra: { html?: string; text?: string; link?: string | null; actions?: MailAction[] } = {},
) {
  const template = templates[event];
  const plain = (s: string) => s;
  const paragraphs = template.body.map((line) => fillTemplate(line, values, plain));
  const footer = fillTemplate(templates.footer, values, plain);
  const link = extra.link ? `${templates.openTicket}: ${extra.link}` : null;
  const actions = extra.actions ?? [];
  const text = [
    ...paragraphs,
    extra.text ?? '',
    link ?? '',
    ...actions.map((action) => `${action.lead}\n${action.label}: ${action.url}`),
    '--',
    footer,
  ]
    .filter(Boolean)
    .join('\n\n');
  const html = [
    '<div style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;font-size:14px;line-height:1.5;color:#1a1b1e">',
    ...template.body.map((line) => `<p>${fillTemplate(line, values, escapeHtml)}</p>`),
    extra.html ? `<div style="border-left:3px solid #d0d4da;padding-left:12px;margin:12px 0">${extra.html}</div>` : '',
    extra.link ? `<p><a href="${escapeHtml(extra.link)}">${escapeHtml(templates.openTicket)}</a></p>` : '',
    ...actions.map(
      (action) =>
        `<p>${escapeHtml(action.lead)}<br><a href="${escapeHtml(action.url)}" style="font-weight:600">${escapeHtml(action.label)}</a></p>`,
    ),
    `<p style="color:#868e96;font-size:12px">${escapeHtml(footer)}</p>`,
    '</div>',
  ].join('');
  return {
    subject: fillTemplate(template.subject, values, plain)
      .replace(/[\r\n]+/g, ' ')
      .slice(0, 300),
    text,
    html,
  };
}
