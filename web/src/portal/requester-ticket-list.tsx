import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSummary } from '../../../domain/contracts/tickets.js';
import { RelativeTime } from '../components/relative-time.js';
import { TicketStatusBadge } from '../components/ticket-badges.js';

function CardAnchor(props: AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> }) {
  return <UnstyledButton component="a" display="block" {...props} />;
}
const CardLink = createLink(CardAnchor);

/** A requester's tickets as cards: readable on a phone, the whole card opens the ticket. */
export function RequesterTicketList({ tickets }: { tickets: readonly TicketSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <CardLink to="/portal/tickets/$ticketId" params={{ ticketId: ticket.id }} preload="intent">
            <Paper withBorder radius="md" p="sm">
              <Stack gap={4}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="xs" ff="monospace" c="dimmed">
                    {ticket.number}
                  </Text>
                  <TicketStatusBadge status={ticket.status} size="sm" />
                </Group>
                <Text fw={600} lineClamp={2}>
                  {ticket.subject}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('portalTickets.updated')} <RelativeTime value={ticket.updatedAt} />
                  {ticket.service ? ` · ${ticket.service.name}` : ''}
                </Text>
              </Stack>
            </Paper>
          </CardLink>
        </li>
      ))}
    </Stack>
  );
}
