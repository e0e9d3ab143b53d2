import { Badge, Button, Collapse, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { SORTS } from '../../../domain/contracts/tickets.js';
import { PRIORITIES, PRIORITY_NAMES, type Priority } from '../../../domain/tickets/priority.js';
import { STATUSES, type TicketStatus } from '../../../domain/tickets/ticket-lifecycle.js';
import { CHANNELS, type Channel, TICKET_TYPES, type TicketType } from '../../../domain/tickets/ticket-types.js';
import { useServices } from '../api/use-organizations.js';
import { useGroups } from '../api/use-support.js';
import { groupOptionLabel } from '../components/group-options.js';
import { OrganizationSelect } from '../components/organization-select.js';
import { SearchInput } from '../components/search-input.js';
import { UserSelect } from '../components/user-select.js';
import { defaultSort, extraFilterCount, type QueueSearch, type Sort, sortInAddress } from './queue-search.js';

const ASSIGNEE_ROLES = ['agent', 'specialist', 'supervisor'] as const;

/** The queue's filters: the common ones in one row, the rest behind "More filters". */
export function QueueFilters({
  search,
  onChange,
}: {
  search: QueueSearch;
  onChange: (patch: Partial<QueueSearch>) => void;
}) {
  const { t } = useTranslation();
  const extra = extraFilterCount(search);
  const [more, { toggle }] = useDisclosure(extra > 0);
  const services = useServices(search.organizationId);
  const groups = useGroups();
  const list = <T,>(values: T[]) => (values.length ? values : undefined);

  return (
    <>
      <Group gap="sm" align="flex-end" wrap="wrap" mb={more ? 'xs' : 'md'}>
        <SearchInput
          key={search.q ?? ''}
          initialValue={search.q ?? ''}
          onSearch={(q) => q !== (search.q ?? '') && onChange({ q: q || undefined })}
          placeholder={t('queue.searchPlaceholder')}
          aria-label={t('queue.searchPlaceholder')}
          style={{ flex: '2 1 16rem' }}
        />
        <MultiSelect
          aria-label={t('tickets.fields.status')}
          placeholder={search.status?.length ? undefined : t('queue.anyStatus')}
          data={STATUSES.map((status) => ({ value: status, label: t(`tickets.statuses.${status}`) }))}
          value={search.status ?? []}
          onChange={(values) => onChange({ status: list(values as TicketStatus[]) })}
          clearable
          style={{ flex: '1 1 12rem' }}
        />
        <MultiSelect
          aria-label={t('tickets.fields.priority')}
          placeholder={search.priority?.length ? undefined : t('queue.anyPriority')}
          data={PRIORITIES.map((p) => ({
            value: String(p),
            label: `P${p} ${t(`tickets.priorities.${PRIORITY_NAMES[p]}`)}`,
          }))}
          value={(search.priority ?? []).map(String)}
          onChange={(values) => onChange({ priority: list(values.map(Number) as Priority[]) })}
          clearable
          style={{ flex: '1 1 10rem' }}
        />
        <UserSelect
          aria-label={t('tickets.fields.assignee')}
          placeholder={t('queue.anyAssignee')}
          roles={ASSIGNEE_ROLES}
          value={search.assigneeId ?? null}
          onChange={(id) => onChange({ assigneeId: id ?? undefined })}
          clearable
          style={{ flex: '1 1 11rem' }}
        />
        <Select
          aria-label={t('queue.sort')}
          data={SORTS.map((sort) => ({ value: sort, label: t(`queue.sorts.${sort}`) }))}
          value={search.sort ?? defaultSort(search.queue)}
          allowDeselect={false}
          onChange={(sort) => onChange({ sort: sortInAddress(search.queue, sort as Sort) })}
          style={{ flex: '0 1 14rem' }}
        />
        <Button
          variant="subtle"
          onClick={toggle}
          aria-expanded={more}
          rightSection={
            extra > 0 ? (
              <Badge size="xs" circle>
                {extra}
              </Badge>
            ) : null
          }
        >
          {t('queue.moreFilters')}
        </Button>
      </Group>
      <Collapse expanded={more}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <MultiSelect
            label={t('tickets.fields.type')}
            placeholder={search.type?.length ? undefined : t('queue.any')}
            data={TICKET_TYPES.map((type) => ({ value: type, label: t(`tickets.types.${type}`) }))}
            value={search.type ?? []}
            onChange={(values) => onChange({ type: list(values as TicketType[]) })}
            clearable
          />
          <MultiSelect
            label={t('tickets.fields.channel')}
            placeholder={search.channel?.length ? undefined : t('queue.any')}
            data={CHANNELS.map((channel) => ({ value: channel, label: t(`tickets.channels.${channel}`) }))}
            value={search.channel ?? []}
            onChange={(values) => onChange({ channel: list(values as Channel[]) })}
            clearable
          />
          <OrganizationSelect
            label={t('fields.organization')}
            placeholder={t('queue.any')}
            includeInactive
            clearable
            value={search.organizationId ?? null}
            onChange={(id) => onChange({ organizationId: id ?? undefined, serviceId: undefined })}
          />
          <Select
            label={t('tickets.fields.service')}
            placeholder={search.organizationId ? t('queue.any') : t('queue.pickOrganizationFirst')}
            disabled={!search.organizationId}
            data={(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={search.serviceId ?? null}
            onChange={(id) => onChange({ serviceId: id ?? undefined })}
            clearable
            searchable
          />
          <Select
            label={t('support.group')}
            placeholder={t('queue.any')}
            data={(groups.data ?? []).map((g) => ({ value: g.id, label: groupOptionLabel(g) }))}
            value={search.groupId ?? null}
            onChange={(id) => onChange({ groupId: id ?? undefined })}
            clearable
            searchable
          />
          <TextInput
            key={`tag-${search.tag ?? ''}`}
            label={t('tickets.fields.tag')}
            placeholder={t('queue.tagPlaceholder')}
            defaultValue={search.tag ?? ''}
            maxLength={40}
            onBlur={(event) => onChange({ tag: event.currentTarget.value.trim() || undefined })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') onChange({ tag: event.currentTarget.value.trim() || undefined });
            }}
          />
          <TextInput
            type="date"
            label={t('queue.createdFrom')}
            value={search.createdFrom ?? ''}
            max={search.createdTo}
            onChange={(event) => onChange({ createdFrom: event.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('queue.createdTo')}
            value={search.createdTo ?? ''}
            min={search.createdFrom}
            onChange={(event) => onChange({ createdTo: event.currentTarget.value || undefined })}
          />
          <Button
            variant="default"
            mt={{ base: 0, md: 25 }}
            onClick={() =>
              onChange({
                type: undefined,
                channel: undefined,
                organizationId: undefined,
                serviceId: undefined,
                tag: undefined,
                createdFrom: undefined,
                createdTo: undefined,
              })
            }
            disabled={extra === 0}
          >
            {t('queue.clearMore')}
          </Button>
        </SimpleGrid>
      </Collapse>
    </>
  );
}
