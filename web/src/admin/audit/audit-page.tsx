import { Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../domain/contracts/audit.js';
import { es } from '../../../../domain/i18n/es.js';
import { rolesGrant } from '../../../../domain/permissions.js';
import { useAuditEvents } from '../../api/use-audit.js';
import { useCurrentUser } from '../../api/use-session.js';
import { DateTime } from '../../components/date-time.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { RouterAnchor } from '../../components/router-link.js';
import { viewerTimeZone } from '../../i18n/format.js';
import { AuditDiff } from './audit-diff.js';

// The words the catalog has are the kinds and actions the audit knows; anything newer shows its code.
const ENTITY_TYPES = Object.keys(es.audit.entities) as (keyof typeof es.audit.entities)[];
type EntityType = (typeof ENTITY_TYPES)[number];
const isEntityType = (value: string): value is EntityType => (ENTITY_TYPES as readonly string[]).includes(value);

const ACTIONS = Object.keys(es.audit.actions) as (keyof typeof es.audit.actions)[];
type Action = (typeof ACTIONS)[number];
const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

/** Who changed what, and when: newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const list = useAuditEvents({ entityType: entityType ?? undefined });
  const events = list.data?.pages.flatMap((page) => page.items) ?? [];

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description', { timeZone: viewerTimeZone() })} />
      <Group mb="md">
        <Select
          aria-label={t('audit.entityType')}
          placeholder={t('audit.anyEntity')}
          clearable
          data={ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entities.${type}`) }))}
          value={entityType}
          onChange={setEntityType}
          w={240}
        />
      </Group>
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage title={t('audit.empty')} />
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
                      <Table.Th>{t('audit.when')}</Table.Th>
                      <Table.Th>{t('audit.who')}</Table.Th>
                      <Table.Th>{t('audit.action')}</Table.Th>
                      <Table.Th>{t('audit.entity')}</Table.Th>
                      <Table.Th aria-label={t('audit.changes')} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {events.map((event) => (
                      <Fragment key={event.id}>
                        <Table.Tr>
                          <Table.Td>
                            <Text size="sm">
                              <DateTime value={event.at} />
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{event.actorName ?? t('audit.system')}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge variant="light" color="gray">
                              {isAction(event.action) ? t(`audit.actions.${event.action}`) : event.action}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <EntityCell event={event} />
                          </Table.Td>
                          <Table.Td ta="right">
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => toggle(event.id)}
                              aria-expanded={open.has(event.id)}
                            >
                              {open.has(event.id) ? t('audit.hideChanges') : t('audit.showChanges')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                        {open.has(event.id) ? (
                          <Table.Tr>
                            <Table.Td colSpan={5} bg="gray.0">
                              <Stack gap={4}>
                                <AuditDiff changes={event.changes} names={event.names} />
                                {event.requestId ? (
                                  <Text size="xs" c="dimmed">
                                    {t('audit.requestId', { id: event.requestId })}
                                    {event.ip ? ` · ${event.ip}` : ''}
                                  </Text>
                                ) : null}
                              </Stack>
                            </Table.Td>
                          </Table.Tr>
                        ) : null}
                      </Fragment>
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

function EntityCell({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const linkable = event.entityType === 'organization' && rolesGrant(me.roles, 'organizations.manage');
  const label = isEntityType(event.entityType) ? t(`audit.entities.${event.entityType}`) : event.entityType;
  return (
    <Stack gap={0}>
      <Text size="sm">
        {label}
        {event.entityName ? `: ${event.entityName}` : ''}
      </Text>
      {linkable ? (
        <RouterAnchor
          to="/admin/organizations/$organizationId"
          params={{ organizationId: event.entityId }}
          size="xs"
          ff="monospace"
        >
          {event.entityId}
        </RouterAnchor>
      ) : (
        <Text size="xs" c="dimmed" ff="monospace">
          {event.entityId}
        </Text>
      )}
    </Stack>
  );
}
