import { Avatar, Button, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message, Ticket, TimelineEntry } from '../../../domain/contracts/tickets.js';
import { useTimeline } from '../api/use-tickets.js';
import { useDateFormat } from '../i18n/format.js';
import { initialsOf } from '../shell/user-menu.js';
import { AttachmentList } from './attachment-list.js';
import { LockIcon } from './icons.js';
import { QueryState } from './query-states.js';
import { RelativeTime } from './relative-time.js';
import { RichText } from './rich-text.js';
import { ChangeText } from './timeline-change.js';
import { timelineSentence } from './timeline-sentence.js';

/**
 * The life of a ticket, oldest first: replies, internal notes (staff only, on a yellow ground so
 * they are never mistaken for what the requester sees) and field changes as compact lines.
 */
export function TicketTimeline({ ticket, viewerId }: { ticket: Ticket; viewerId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(ticket.id);
  return (
    <QueryState query={timeline}>
      {(data) => {
        const entries = data.pages.flatMap((page) => page.items);
        return (
          <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('timeline.title')}>
            {entries.map((entry) => (
              <li key={entry.id}>
                {entry.message ? (
                  <MessageCard message={entry.message} mine={entry.message.author.id === viewerId} />
                ) : (
                  <ChangeLine entry={entry} ticket={ticket} />
                )}
              </li>
            ))}
            {entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('timeline.empty')}
              </Text>
            ) : null}
            {timeline.hasNextPage ? (
              <Center>
                <Button
                  variant="default"
                  size="xs"
                  loading={timeline.isFetchingNextPage}
                  onClick={() => void timeline.fetchNextPage()}
                >
                  {t('timeline.later')}
                </Button>
              </Center>
            ) : null}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function MessageCard({ message, mine }: { message: Message; mine: boolean }) {
  const { t } = useTranslation();
  const note = message.kind === 'note';
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      bg={note ? 'yellow.0' : undefined}
      style={note ? { borderColor: 'var(--mantine-color-yellow-4)' } : undefined}
      data-kind={message.kind}
      aria-label={
        note
          ? t('timeline.noteBy', { name: message.author.name })
          : t('timeline.replyBy', { name: message.author.name })
      }
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Avatar size={28} radius="xl" color={note ? 'yellow' : mine ? 'blue' : 'gray'}>
              {initialsOf(message.author.name)}
            </Avatar>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {message.author.name}
              </Text>
              {note ? (
                <Group gap={4} c="yellow" wrap="nowrap">
                  <LockIcon size={12} />
                  <Text size="xs" fw={600}>
                    {t('timeline.internalNote')}
                  </Text>
                </Group>
              ) : null}
            </div>
          </Group>
          <Text size="xs" c="dimmed">
            <RelativeTime value={message.createdAt} />
          </Text>
        </Group>
        <RichText html={message.bodyHtml} />
        <AttachmentList attachments={message.attachments} />
      </Stack>
    </Paper>
  );
}

function ChangeLine({ entry, ticket }: { entry: TimelineEntry; ticket: Ticket }) {
  const { t } = useTranslation();
  const who = entry.actor?.name ?? t('timeline.system');
  // A new ticket's first values are on the page already; its line just says who raised it.
  const changes = entry.kind === 'created' ? [] : entry.changes;
  const format = useDateFormat();
  const sentence = timelineSentence(entry, t, format.dateTime);
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      px="sm"
      py={2}
      bg={entry.internal ? 'yellow.0' : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        <Text span size="xs" fw={600} c="var(--mantine-color-text)">
          {who}
        </Text>{' '}
        {sentence ? (
          <>
            {sentence.sentence}
            {sentence.detail ? (
              <Text span display="block" size="xs" c="dimmed" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
                {sentence.detail}
              </Text>
            ) : null}
          </>
        ) : changes.length === 0 ? (
          t(`timeline.kinds.${kindKey(entry.kind)}`)
        ) : (
          changes.map((change, index) => (
            <Fragment key={change.field}>
              {index > 0 ? ' · ' : null}
              <ChangeText change={change} ticket={ticket} />
            </Fragment>
          ))
        )}
      </Text>
      <Text size="xs" c="dimmed">
        <RelativeTime value={entry.at} />
      </Text>
    </Group>
  );
}

const KNOWN_KINDS = ['created', 'status_changed', 'assigned', 'updated', 'linked', 'attachment_added'] as const;
type KnownKind = (typeof KNOWN_KINDS)[number] | 'other';
const kindKey = (kind: string): KnownKind =>
  (KNOWN_KINDS as readonly string[]).includes(kind) ? (kind as KnownKind) : 'other';
