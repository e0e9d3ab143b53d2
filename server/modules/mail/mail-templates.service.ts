import type { Kysely } from 'kysely';
import type { MailTemplate, UpdateMailTemplateBody } from '../../../domain/contracts/mail.js';
import { mailEn } from '../../../domain/i18n/mail-en.js';
import { type MailEvent, type MailTemplates, mailEs } from '../../../domain/i18n/mail-es.js';
import {
  checkTemplate,
  MAIL_EVENTS,
  TEMPLATE_PLACEHOLDERS,
  type TemplateText,
  withOverrides,
} from '../../../domain/mail/template-rules.js';
import type { DB } from '../../db/schema.js';
import { validationError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { SettingsService } from '../settings/settings.service.js';

type Locale = 'es' | 'en';
type Overrides = Partial<Record<Locale, Partial<Record<MailEvent, TemplateText>>>>;

const KEY = 'mail.templates';
const DEFAULTS: Record<Locale, MailTemplates> = { es: mailEs, en: mailEn };

/** The mail texts: the defaults of domain/i18n, with what admins edited laid over them (kept in settings). */
export class MailTemplatesService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
  ) {}

  private async overrides(db: Kysely<DB>): Promise<Overrides> {
    const value = await this.settings.stored(KEY, db);
    return value !== undefined ? (JSON.parse(value) as Overrides) : {};
  }

  /** The templates mail is written with, read in the caller's transaction. */
  async effective(db: Kysely<DB>, locale: Locale): Promise<MailTemplates> {
    return withOverrides(DEFAULTS[locale], (await this.overrides(db))[locale]);
  }

  async list(): Promise<MailTemplate[]> {
    const overrides = await this.overrides(this.db);
    return (['es', 'en'] as const).flatMap((locale) =>
      MAIL_EVENTS.map((event) => {
        const edited = overrides[locale]?.[event];
        const text = edited ?? DEFAULTS[locale][event];
        return {
          locale,
          event,
          subject: text.subject,
          body: [...text.body],
          placeholders: [...TEMPLATE_PLACEHOLDERS[event]],
          customized: !!edited,
        };
      }),
    );
  }

  /** Saves an edited template, or with null puts the default back. */
  async update(ctx: RequestContext, locale: Locale, event: MailEvent, body: UpdateMailTemplateBody | null) {
    if (body) {
      const issues = checkTemplate(event, body);
      if (issues.length > 0) throw validationError(issues);
    }
    await this.db.transaction().execute(async (trx) => {
      const overrides = await this.overrides(trx);
      const before = overrides[locale]?.[event] ?? null;
      const forLocale = { ...(overrides[locale] ?? {}) };
      if (body) forLocale[event] = { subject: body.subject.trim(), body: body.body.map((p) => p.trim()) };
      else delete forLocale[event];
      await this.settings.store(trx, KEY, JSON.stringify({ ...overrides, [locale]: forLocale }));
      await this.audit.record(trx, ctx, {
        action: body ? 'mail_template.updated' : 'mail_template.reset',
        entityType: 'mail_template',
        entityId: `${locale}/${event}`,
        before: before && { ...before },
        after: body ? { ...forLocale[event] } : null,
      });
    });
    return (await this.list()).find((t) => t.locale === locale && t.event === event) as MailTemplate;
  }
}
