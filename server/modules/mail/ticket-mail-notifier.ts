import type { Kysely } from 'kysely';
import type { MailEvent } from '../../../domain/i18n/mail-es.js';
import { isNoReplyAddress } from '../../../domain/mail/mail-rules.js';
import { isStaff } from '../../../domain/roles.js';
import { isOpen } from '../../../domain/tickets/ticket-lifecycle.js';
import type { DB } from '../../db/schema.js';
import { escapeHtml, htmlToText } from '../../platform/html.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { RecordedEvent } from '../tickets/ticket-history.js';
import type { TicketProblems } from '../tickets/ticket-ports.js';
import * as repo from './mail.repository.js';
import type { MailOutboxService } from './mail-outbox.service.js';
import { renderMail } from './mail-templates.js';
import type { MailTemplatesService } from './mail-templates.service.js';
import type { TicketMailAdditions } from './ticket-mail-additions.js';

/**
 * The ticket events that tell its requester of a known issue: the incident linked to a problem,
 * and the problem's public wording appearing or changing while it is open (the problems module
 * records `known_issue_updated` on each of its open incidents then).
 */
export const KNOWN_ISSUE_EVENTS: readonly string[] = ['problem_linked', 'known_issue_updated'];

/** Which timeline events the requester hears of by mail, and with which template. */
function eventFor(ctx: RequestContext, event: RecordedEvent): MailEvent | null {
  if (event.quiet) return null;
  const staffActed = !!ctx.principal && isStaff(ctx.principal.roles);
  if (KNOWN_ISSUE_EVENTS.includes(event.kind)) return 'known_issue';
  if (event.kind === 'created') return ctx.noAutoReply ? null : 'ticket_received';
  if (event.kind === 'reply' && !event.internal) return staffActed ? 'agent_reply' : null;
  if (event.kind !== 'status_changed') return null;
  const status = event.changes?.find((c) => c.field === 'status')?.to;
  const reason = event.changes?.find((c) => c.field === 'pendingReason')?.to;
  if (status === 'pending' && reason === 'requester') return 'waiting_on_you';
  if (status === 'resolved') return 'resolved';
  // Closed by the desk or by the sweep, the requester hears; closed by the requester, no need.
  if (status === 'closed') return staffActed || !ctx.principal ? 'closed' : null;
  return null;
}

/**
 * Writes the requester's mail for a change to the outbox, inside the change's transaction
 * (registered as a TicketHistory observer): ticket received, an agent's reply, waiting on you,
 * resolved, closed, and a known issue behind it. Every message says its ticket number in the
 * subject and threads to the message the ticket began with, so the answer finds its way back.
 *
 * A known issue is told only through `problems.behind(…).knownIssue` — the public wording and
 * workaround — never the problem's number, subject or the desk's workaround; only while the
 * incident is open, and not to an address that bounces (the notice is automatic, nobody asked).
 */
export function ticketMailNotifier(
  outbox: MailOutboxService,
  templates: MailTemplatesService,
  publicUrl: string | null,
  problems: TicketProblems,
  additions: TicketMailAdditions,
) {
  return async (trx: Kysely<DB>, ctx: RequestContext, ticketId: string, event: RecordedEvent) => {
    const kind = eventFor(ctx, event);
    if (!kind) return;
    const ticket = await repo.ticketNoticeFacts(trx, ticketId);
    if (ticket?.requester_status !== 'active') return;
    // Nobody reads a no-reply address: nothing is written to it, neither the acknowledgment nor later notices.
    if (isNoReplyAddress(ticket.email)) return;
    const texts = await templates.effective(trx, ticket.locale ?? 'es');
    let replyHtml: string | undefined;
    if (kind === 'agent_reply' && event.messageId) replyHtml = await repo.messageBodyOf(trx, event.messageId);
    if (kind === 'known_issue') {
      if (!isOpen(ticket.status) || ticket.mail_bounced_at !== null) return;
      const { knownIssue } = await problems.behind(trx, ticketId);
      if (!knownIssue) return;
      if (knownIssue.workaroundHtml)
        replyHtml = `<p>${escapeHtml(texts.workaroundLead)}</p>${knownIssue.workaroundHtml}`;
    }
    const actions = await additions.for(trx, ticketId, kind, ticket.locale ?? 'es');
    const rendered = renderMail(
      texts,
      kind,
      {
        number: ticket.number,
        subject: ticket.subject,
        requester: ticket.name,
        agent: ctx.principal?.name ?? '',
        resolution: ticket.resolution_notes ?? '',
      },
      {
        ...(replyHtml ? { html: replyHtml, text: htmlToText(replyHtml) } : {}),
        link: publicUrl ? `${publicUrl}/portal/tickets/${ticketId}` : null,
        actions,
      },
    );
    await outbox.enqueue(trx, {
      ticketId,
      event: kind,
      to: ticket.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      references: await repo.firstMessageIdOf(trx, ticketId),
      autoSubmitted: kind === 'ticket_received' ? 'auto-replied' : 'auto-generated',
    });
  };
}
