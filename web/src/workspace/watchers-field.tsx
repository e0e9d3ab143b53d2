import { CloseButton, Group, Input, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { UserSelect } from '../components/user-select.js';

const WATCHER_ROLES = ['agent', 'specialist', 'supervisor', 'analyst', 'requester'] as const;

/** People kept informed of a ticket without handling it: listed, each removable, and one more to add. */
export function WatchersField({ ticket, onChange }: { ticket: Ticket; onChange: (watcherIds: string[]) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<string | null>(null);
  const ids = ticket.watchers.map((w) => w.id);
  return (
    <Stack gap={4}>
      <Input.Label>{t('tickets.fields.watchers')}</Input.Label>
      {ticket.watchers.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('ticketPage.noWatchers')}
        </Text>
      ) : (
        <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
          {ticket.watchers.map((watcher) => (
            <Group component="li" key={watcher.id} gap={4} justify="space-between" wrap="nowrap">
              <Text size="sm" truncate>
                {watcher.name}
              </Text>
              <CloseButton
                size="sm"
                aria-label={t('ticketPage.removeWatcher', { name: watcher.name })}
                onClick={() => onChange(ids.filter((id) => id !== watcher.id))}
              />
            </Group>
          ))}
        </Stack>
      )}
      <UserSelect
        aria-label={t('ticketPage.addWatcher')}
        placeholder={t('ticketPage.addWatcher')}
        size="xs"
        roles={WATCHER_ROLES}
        value={adding}
        onChange={(id) => {
          setAdding(null);
          if (id && !ids.includes(id)) onChange([...ids, id]);
        }}
      />
    </Stack>
  );
}
