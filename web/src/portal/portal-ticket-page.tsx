import { Alert, Box, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { isOpen } from '../../../domain/tickets/ticket-lifecycle.js';
import { useCurrentUser } from '../api/use-session.js';
import { useTicket } from '../api/use-tickets.js';
import { AttachmentList } from '../components/attachment-list.js';
import { DateTime } from '../components/date-time.js';
import { MessageComposer } from '../components/message-composer.js';
import { QueryState } from '../components/query-states.js';
import { RichText } from '../components/rich-text.js';
import { RouterAnchor } from '../components/router-link.js';
import { TicketStatusBadge, TicketTypeBadge } from '../components/ticket-badges.js';
import { TicketTimeline } from '../components/ticket-timeline.js';
import { TicketSurveyCard } from '../surveys/ticket-survey-card.js';
import { KnownIssueNotice } from './known-issue-notice.js';
import { RequesterActions } from './requester-actions.js';

/** One ticket as its requester sees it: what they asked, the public conversation, and what they may do. */
export function PortalTicketPage() {
  const { t } = useTranslation();
  const { ticketId } = useParams({ strict: false }) as { ticketId: string };
  const { created } = useSearch({ strict: false }) as { created?: string };
  const navigate = useNavigate();
  const ticket = useTicket(ticketId);
  const [conflict, setConflict] = useState(false);

  return (
    <Stack gap="md" maw={860}>
      <Breadcrumbs>
        <RouterAnchor to="/portal/tickets" size="sm">
          {t('portalTickets.title')}
        </RouterAnchor>
        <Text size="sm">{ticket.data?.number ?? '…'}</Text>
      </Breadcrumbs>
      {created ? (
        <Alert
          color="teal"
          variant="light"
          title={t('portalTicket.createdTitle', { number: created })}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => void navigate({ to: '.', search: {}, replace: true })}
          role="status"
        >
          {t('portalTicket.createdBody')}
        </Alert>
      ) : null}
      {conflict ? (
        <Alert
          color="yellow"
          variant="light"
          title={t('conflict.title')}
          withCloseButton
          onClose={() => setConflict(false)}
        >
          {t('conflict.ticket')}
        </Alert>
      ) : null}
      <QueryState query={ticket}>
        {(found) => (
          <TicketView
            ticket={found}
            onConflict={() => {
              setConflict(true);
              void ticket.refetch();
            }}
          />
        )}
      </QueryState>
    </Stack>
  );
}

function TicketView({ ticket, onConflict }: { ticket: Ticket; onConflict: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const replying = isOpen(ticket.status) || ticket.status === 'resolved';
  return (
    <>
      <Stack gap={6}>
        <Group gap="xs">
          <Text ff="monospace" size="sm" c="dimmed">
            {ticket.number}
          </Text>
          <TicketStatusBadge status={ticket.status} />
          <TicketTypeBadge type={ticket.type} />
        </Group>
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {ticket.subject}
        </Title>
        <Text size="sm" c="dimmed">
          {t('portalTicket.raisedBy', { name: ticket.requester.name })} <DateTime value={ticket.createdAt} />
          {ticket.service ? ` · ${ticket.service.name}` : ''}
          {ticket.category ? ` · ${ticket.category.name}` : ''}
        </Text>
        <Text size="sm">
          {ticket.assignee
            ? t('portalTicket.handledBy', { name: ticket.assignee.name })
            : t(`portalTicket.stateHint.${ticket.status}`)}
        </Text>
      </Stack>
      <KnownIssueNotice knownIssue={ticket.knownIssue} />
      <RequesterActions ticket={ticket} onConflict={onConflict} />
      <TicketSurveyCard ticketId={ticket.id} />
      <Paper withBorder radius="md" p="md">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb={6}>
          {t('portalTicket.description')}
        </Text>
        <RichText html={ticket.descriptionHtml} />
        {ticket.attachments.length > 0 ? (
          <Box mt="sm">
            <AttachmentList attachments={ticket.attachments} />
          </Box>
        ) : null}
      </Paper>
      <section aria-labelledby="portal-conversation">
        <Title order={3} size="h4" id="portal-conversation" mb="sm">
          {t('portalTicket.conversation')}
        </Title>
        <TicketTimeline ticket={ticket} viewerId={me.id} />
      </section>
      {replying ? (
        <MessageComposer ticketId={ticket.id} kinds={['reply']} kind="reply" />
      ) : (
        <Text size="sm" c="dimmed">
          {t('portalTicket.finished')}
        </Text>
      )}
    </>
  );
}
