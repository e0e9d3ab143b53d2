import { Badge, Button, Paper, Group as Row, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboundMail } from '../../../../domain/contracts/mail.js';
import { useOutboundMail } from '../../api/use-mail.js';
import { DateTime } from '../../components/date-time.js';
import { LoadMore } from '../../components/load-more.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { RouterAnchor } from '../../components/router-link.js';
import { MailAddress } from './mail-inbound-log.js';

export const OUTBOUND_STATUS_COLORS: Record<OutboundMail['status'], string> = {
  pending: 'yellow',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  bounced: 'red',
};

const EVENTS = [
  'ticket_received',
  'agent_reply',
  'waiting_on_you',
  'resolved',
  'closed',
  'known_issue',
  'password_reset',
] as const;
type KnownEvent = (typeof EVENTS)[number];
export const isKnownEvent = (event: string): event is KnownEvent => (EVENTS as readonly string[]).includes(event);

/** The notices Mesa wrote to requesters, newest first, with where each one stands. */
export function MailOutboundLog() {
  const { t } = useTranslation();
  const list = useOutboundMail();
  const messages = list.data?.pages.flatMap((page) => page.items) ?? [];
  const refreshing = list.isFetching && !list.isFetchingNextPage && !list.isPending;
  return (
    <Stack gap="md">
      <Row justify="flex-end">
        <Button size="xs" variant="default" loading={refreshing} onClick={() => void list.refetch()}>
          {t('mailAdmin.refresh')}
        </Button>
      </Row>
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage title={t('mailAdmin.outbound.empty')} description={t('mailAdmin.outbound.emptyHint')} />
          </Paper>
        }
      >
        {() => (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={1080}>
                <Table
                  verticalSpacing={6}
                  fz="sm"
                  highlightOnHover
                  aria-label={t('mailAdmin.outbound.tableLabel')}
                  style={{ verticalAlign: 'top' }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={150}>{t('mailAdmin.outbound.createdAt')}</Table.Th>
                      <Table.Th>{t('mailAdmin.outbound.to')}</Table.Th>
                      <Table.Th miw={220}>{t('mailAdmin.outbound.subject')}</Table.Th>
                      <Table.Th w={140}>{t('mailAdmin.outbound.event')}</Table.Th>
                      <Table.Th w={100}>{t('mailAdmin.outbound.status')}</Table.Th>
                      <Table.Th w={80} ta="right">
                        {t('mailAdmin.outbound.attempts')}
                      </Table.Th>
                      <Table.Th w={180}>{t('mailAdmin.outbound.lastError')}</Table.Th>
                      <Table.Th w={100}>{t('mailAdmin.outbound.ticket')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {messages.map((mail) => (
                      <OutboundRow key={mail.id} mail={mail} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <LoadMore
              shown={messages.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function OutboundRow({ mail }: { mail: OutboundMail }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <DateTime value={mail.createdAt} />
        {mail.sentAt && mail.status === 'sent' ? (
          <Text size="xs" c="dimmed">
            {t('mailAdmin.outbound.sentOn')} <DateTime value={mail.sentAt} />
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          <MailAddress address={mail.to} />
        </Text>
      </Table.Td>
      <Table.Td maw={280}>
        <Text size="sm" lineClamp={2}>
          {mail.subject}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {t('mailAdmin.outbound.messageId')} &lt;{mail.messageId}&gt;
        </Text>
      </Table.Td>
      <Table.Td>{isKnownEvent(mail.event) ? t(`mailAdmin.outbound.events.${mail.event}`) : mail.event}</Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={OUTBOUND_STATUS_COLORS[mail.status]}>
          {t(`mailAdmin.outbound.statuses.${mail.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">{mail.attempts}</Table.Td>
      <Table.Td>
        {mail.lastError ? (
          <Tooltip label={mail.lastError} multiline w={360} openDelay={300}>
            <Text size="xs" c="red" lineClamp={2}>
              {mail.lastError}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {mail.ticketId ? (
          <RouterAnchor
            to="/workspace/tickets/$ticketId"
            params={{ ticketId: mail.ticketId }}
            size="sm"
            style={{ whiteSpace: 'nowrap' }}
          >
            {t('mailAdmin.openTicket')}
          </RouterAnchor>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
