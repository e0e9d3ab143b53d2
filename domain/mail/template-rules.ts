import type { FieldError } from '../field-error.js';
import type { MailEvent, MailTemplates } from '../i18n/mail-es.js';

/** The values each mail can say; a template naming anything else is refused. */
export const TEMPLATE_PLACEHOLDERS: Record<MailEvent, readonly string[]> = {
  ticket_received: ['number', 'subject', 'requester'],
  agent_reply: ['number', 'subject', 'requester', 'agent'],
  waiting_on_you: ['number', 'subject', 'requester'],
  resolved: ['number', 'subject', 'requester', 'resolution'],
  closed: ['number', 'subject', 'requester'],
  known_issue: ['number', 'subject', 'requester'],
  staff_alert: ['number', 'subject', 'what'],
};

/** A placeholder in a template: `{{number}}`, spaces inside the braces allowed. */
export const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The template with its placeholders filled, each value passed through `encode` (HTML escaping, say). */
export const fillTemplate = (template: string, values: Record<string, string>, encode: (s: string) => string) =>
  template.replace(PLACEHOLDER, (_, key: string) => encode(values[key] ?? ''));

export const MAIL_EVENTS = Object.keys(TEMPLATE_PLACEHOLDERS) as MailEvent[];

export interface TemplateText {
  subject: string;
  body: string[];
}

/** What is wrong with an edited template: placeholders it cannot fill, and a subject without the number. */
export function checkTemplate(event: MailEvent, template: TemplateText): FieldError[] {
  const issues: FieldError[] = [];
  const allowed = TEMPLATE_PLACEHOLDERS[event];
  const check = (field: string, text: string) => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!allowed.includes(name as string))
        issues.push({
          field,
          message: `{{${name}}} is not known here; use ${allowed.map((p) => `{{${p}}}`).join(', ')}`,
        });
    }
  };
  check('subject', template.subject);
  template.body.forEach((paragraph, i) => {
    check(`body.${i}`, paragraph);
  });
  // Replies find their ticket by the number in the subject when the mail client drops the headers.
  if (!/\[\{\{\s*number\s*\}\}\]/.test(template.subject))
    issues.push({ field: 'subject', message: 'must keep [{{number}}], which threads replies back to the ticket' });
  return issues;
}

/** The defaults with the admin's edits laid over them. */
export function withOverrides(
  defaults: MailTemplates,
  overrides: Partial<Record<MailEvent, TemplateText>> | undefined,
): MailTemplates {
  return { ...defaults, ...(overrides ?? {}) };
}
