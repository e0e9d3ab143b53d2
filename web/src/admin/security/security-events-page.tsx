import { Badge, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SECURITY_EVENT_KINDS,
  type SecurityEvent,
  type SecurityEventKind,
} from '../../../../domain/contracts/security-events.js';
import { useSecurityEvents } from '../../api/use-security-events.js';
import { DateTime } from '../../components/date-time.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { viewerTimeZone } from '../../i18n/format.js';

const isKind = (value: string | null): value is SecurityEventKind =>
  value !== null && (SECURITY_EVENT_KINDS as readonly string[]).includes(value);

const COLORS: Partial<Record<SecurityEventKind, string>> = {
  'sign_in.failed': 'orange',
  'sign_in.locked': 'red',
  'token.new_address': 'yellow',
  'role.changed': 'blue',
};

/** Sign-ins, failures, locks, tokens, roles and passwords: newest first, never a secret. */
export function SecurityEventsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | null>(null);
  const list = useSecurityEvents(isKind(kind) ? { kind } : {});
  const events = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.description', { timeZone: viewerTimeZone() })} />
      <Group mb="md">
        <Select
          aria-label={t('security.kind')}
          placeholder={t('security.anyKind')}
          clearable
          data={SECURITY_EVENT_KINDS.map((value) => ({ value, label: t(`security.kinds.${value}`) }))}
          value={kind}
          onChange={setKind}
          w={300}
        />
      </Group>
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage title={t('security.empty')} />
          </Paper>
        }
      >
        {() => (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('security.when')}</Table.Th>
                      <Table.Th>{t('security.event')}</Table.Th>
                      <Table.Th>{t('security.account')}</Table.Th>
                      <Table.Th>{t('security.address')}</Table.Th>
                      <Table.Th>{t('security.details')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {events.map((event) => (
                      <Table.Tr key={event.id}>
                        <Table.Td>
                          <Text size="sm">
                            <DateTime value={event.at} />
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={COLORS[event.kind] ?? 'gray'}>
                            {t(`security.kinds.${event.kind}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={0}>
                            <Text size="sm">{event.email ?? '—'}</Text>
                            {event.userId ? (
                              <Text size="xs" c="dimmed" ff="monospace">
                                {event.userId}
                              </Text>
                            ) : null}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {event.ip ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Details event={event} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <LoadMore
              shown={events.length}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

function Details({ event }: { event: SecurityEvent }) {
  const entries = Object.entries(event.details).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" ff="monospace">
      {entries.map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`).join(' · ')}
    </Text>
  );
}
