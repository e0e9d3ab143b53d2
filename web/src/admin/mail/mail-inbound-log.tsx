import { Badge, Button, Chip, Paper, Group as Row, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOUND_STATUSES, type InboundMail } from '../../../../domain/contracts/mail.js';
import { type InboundStatus, useInboundMail, useReprocessInbound } from '../../api/use-mail.js';
import { DateTime } from '../../components/date-time.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { LoadMore } from '../../components/load-more.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { RouterAnchor } from '../../components/router-link.js';
import { MailInboundSource } from './mail-inbound-source.js';

const STATUS_COLORS: Record<InboundStatus, string> = {
  received: 'blue',
  processed: 'teal',
  ignored: 'gray',
  failed: 'red',
};

/** The server says why in English; these are the reasons we know how to say in every language. */
const REASONS: [RegExp, (match: RegExpExecArray, t: TFunction) => string][] = [
  [
    /^unknown sender \S+: map the domain (\S+) to an organization/,
    (m, t) => t('mailAdmin.inbound.reasons.unknownSender', { domain: m[1] ?? '' }),
  ],
  [/^the message has no sender/, (_, t) => t('mailAdmin.inbound.reasons.noSender')],
  [/^sent from one of the desk/, (_, t) => t('mailAdmin.inbound.reasons.ownAddress')],
  [/^automatic message \((.*)\)$/, (m, t) => t('mailAdmin.inbound.reasons.automatic', { detail: m[1] ?? '' })],
  [
    /^more than (\d+) messages from \S+ in the last hour$/,
    (m, t) => t('mailAdmin.inbound.reasons.senderLimit', { count: Number(m[1]) }),
  ],
  [/^\S+ is staff:/, (_, t) => t('mailAdmin.inbound.reasons.staff')],
  [/^the account of \S+ is not active$/, (_, t) => t('mailAdmin.inbound.reasons.inactiveAccount')],
];

function useReasonText() {
  const { t } = useTranslation();
  return useCallback(
    (reason: string): string => {
      for (const [pattern, say] of REASONS) {
        const match = pattern.exec(reason);
        if (match) return say(match, t);
      }
      // An unknown reason still says what the server said rather than nothing.
      return reason;
    },
    [t],
  );
}

/** An address that wraps before its "@" on a narrow column, rather than in the middle of a word. */
export function MailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <span style={{ overflowWrap: 'anywhere' }}>
      {address.slice(0, at)}
      <wbr />
      <span style={{ whiteSpace: 'nowrap' }}>{address.slice(at)}</span>
    </span>
  );
}

/** Every message that reached the desk, what became of it, and a way to take a failed one again. */
export function MailInboundLog() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<InboundStatus | null>(null);
  const [shown, setShown] = useState<InboundMail | null>(null);
  const list = useInboundMail(status);
  const reprocess = useReprocessInbound();
  const reasonText = useReasonText();
  const messages = list.data?.pages.flatMap((page) => page.items) ?? [];
  const refreshing = list.isFetching && !list.isFetchingNextPage && !list.isPending;

  return (
    <Stack gap="md">
      <Row justify="space-between" gap="sm">
        <Chip.Group
          value={status ?? 'all'}
          onChange={(value) => setStatus(value === 'all' ? null : (value as InboundStatus))}
        >
          <Row gap={6} role="group" aria-label={t('mailAdmin.inbound.statusFilter')}>
            <Chip value="all" size="sm" variant="outline">
              {t('mailAdmin.inbound.all')}
            </Chip>
            {INBOUND_STATUSES.map((value) => (
              <Chip key={value} value={value} size="sm" variant="outline" color={STATUS_COLORS[value]}>
                {t(`mailAdmin.inbound.statuses.${value}`)}
              </Chip>
            ))}
          </Row>
        </Chip.Group>
        <Button size="xs" variant="default" loading={refreshing} onClick={() => void list.refetch()}>
          {t('mailAdmin.refresh')}
        </Button>
      </Row>
      <ErrorAlert error={reprocess.error} title={t('mailAdmin.inbound.reprocessFailed')} />
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            {status ? (
              <EmptyMessage title={t('mailAdmin.inbound.emptyStatus')} />
            ) : (
              <EmptyMessage title={t('mailAdmin.inbound.empty')} description={t('mailAdmin.inbound.emptyHint')} />
            )}
          </Paper>
        }
      >
        {() => (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={960}>
                <Table
                  verticalSpacing={6}
                  fz="sm"
                  highlightOnHover
                  aria-label={t('mailAdmin.inbound.tableLabel')}
                  style={{ verticalAlign: 'top' }}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={150}>{t('mailAdmin.inbound.receivedAt')}</Table.Th>
                      <Table.Th>{t('mailAdmin.inbound.from')}</Table.Th>
                      <Table.Th>{t('mailAdmin.inbound.subject')}</Table.Th>
                      <Table.Th w={60}>{t('mailAdmin.inbound.viaColumn')}</Table.Th>
                      <Table.Th w={260}>{t('mailAdmin.inbound.status')}</Table.Th>
                      <Table.Th w={110}>{t('mailAdmin.inbound.ticket')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {messages.map((mail) => (
                      <InboundRow
                        key={mail.id}
                        mail={mail}
                        reason={mail.reason ? reasonText(mail.reason) : null}
                        reprocessing={reprocess.isPending && reprocess.variables === mail.id}
                        onReprocess={() => reprocess.mutate(mail.id)}
                        onShowSource={() => setShown(mail)}
                      />
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
      <MailInboundSource mail={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}

function InboundRow({
  mail,
  reason,
  reprocessing,
  onReprocess,
  onShowSource,
}: {
  mail: InboundMail;
  reason: string | null;
  reprocessing: boolean;
  onReprocess: () => void;
  onShowSource: () => void;
}) {
  const { t } = useTranslation();
  const from = mail.from ?? t('mailAdmin.inbound.noSender');
  const canReprocess = mail.status === 'failed' || mail.status === 'ignored';
  return (
    <Table.Tr>
      <Table.Td>
        <DateTime value={mail.receivedAt} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={mail.from ? undefined : 'dimmed'}>
          {mail.from ? <MailAddress address={mail.from} /> : from}
        </Text>
        {mail.to.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('mailAdmin.inbound.to')}{' '}
            {mail.to.map((address, index) => (
              <span key={address}>
                {index > 0 ? ', ' : null}
                <MailAddress address={address} />
              </span>
            ))}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td maw={280}>
        <Text size="sm" lineClamp={2} c={mail.subject ? undefined : 'dimmed'}>
          {mail.subject || t('mailAdmin.inbound.noSubject')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          px={0}
          onClick={onShowSource}
          aria-label={t('mailAdmin.source.showLabel', { from })}
        >
          {t('mailAdmin.source.show')}
        </Button>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="outline" color="gray">
          {t(`mailAdmin.inbound.via.${mail.via}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Row gap={6}>
            <Badge size="sm" variant="light" color={STATUS_COLORS[mail.status]}>
              {t(`mailAdmin.inbound.statuses.${mail.status}`)}
            </Badge>
            {mail.attempts > 1 ? (
              <Text size="xs" c="dimmed">
                {t('mailAdmin.inbound.attempts', { count: mail.attempts })}
              </Text>
            ) : null}
          </Row>
          {reason ? (
            <Text size="xs" c={mail.status === 'failed' ? 'red' : 'dimmed'}>
              {reason}
            </Text>
          ) : null}
          {canReprocess ? (
            <Button
              size="compact-xs"
              variant="light"
              loading={reprocessing}
              onClick={onReprocess}
              aria-label={t('mailAdmin.inbound.reprocessLabel', { from })}
            >
              {t('mailAdmin.inbound.reprocess')}
            </Button>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        {mail.ticketId ? (
          <Stack gap={0}>
            {mail.outcome ? (
              <Text size="xs" c="dimmed">
                {t(`mailAdmin.inbound.outcome.${mail.outcome}`)}
              </Text>
            ) : null}
            <RouterAnchor
              to="/workspace/tickets/$ticketId"
              params={{ ticketId: mail.ticketId }}
              size="sm"
              style={{ whiteSpace: 'nowrap' }}
            >
              {t('mailAdmin.openTicket')}
            </RouterAnchor>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
