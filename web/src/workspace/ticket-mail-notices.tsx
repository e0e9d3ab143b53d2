import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isKnownEvent, OUTBOUND_STATUS_COLORS } from '../admin/mail/mail-outbound-log.js';
import { useTicketMailNotices } from '../api/use-mail.js';
import { DateTime } from '../components/date-time.js';
import { QueryState } from '../components/query-states.js';

/** Which notices went out by mail for this ticket, to whom, and whether they were delivered. */
export function TicketMailNotices({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const notices = useTicketMailNotices(ticketId);
  return (
    <Stack gap="xs" component="section" aria-labelledby="ticket-mail-notices">
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="ticket-mail-notices">
        {t('mailAdmin.ticketNotices.title')}
      </Text>
      <QueryState
        query={notices}
        empty={
          <Text size="xs" c="dimmed">
            {t('mailAdmin.ticketNotices.empty')}
          </Text>
        }
        isEmpty={(items) => items.length === 0}
      >
        {(items) => (
          <Stack gap={8}>
            {items.map((notice) => (
              <Stack key={notice.id} gap={0}>
                <Group gap={6} justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {isKnownEvent(notice.event) ? t(`mailAdmin.outbound.events.${notice.event}`) : notice.event}
                  </Text>
                  <Badge size="xs" variant="light" color={OUTBOUND_STATUS_COLORS[notice.status]}>
                    {t(`mailAdmin.outbound.statuses.${notice.status}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {notice.to} · <DateTime value={notice.sentAt ?? notice.createdAt} />
                </Text>
                {notice.lastError && notice.status !== 'sent' ? (
                  <Text size="xs" c="red" lineClamp={2}>
                    {notice.lastError}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  &lt;{notice.messageId}&gt;
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
