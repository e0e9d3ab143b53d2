import {
  ActionIcon,
  Box,
  Button,
  Center,
  Group,
  Indicator,
  Popover,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../domain/contracts/supervision.js';
import { isStaff } from '../../../domain/roles.js';
import { useMarkNotificationsRead, useNotifications, useUnreadCount } from '../api/use-notifications.js';
import { useCurrentUser } from '../api/use-session.js';
import { BellIcon } from '../components/icons.js';
import { ErrorState, LoadingState } from '../components/query-states.js';
import { RelativeTime } from '../components/relative-time.js';

/** A notification as one sentence in the viewer's language, from its kind, target and percent. */
export function notificationSentence(notification: Notification, t: TFunction): string {
  const target = notification.target
    ? t(`supervision.sla.targetNames.${notification.target}`)
    : t('supervision.notifications.someTarget');
  return t(`supervision.notifications.kinds.${notification.kind}`, {
    target,
    percent: notification.percent ?? '—',
  });
}

/** The bell in the header: how many SLA alerts are unread, and the latest of them a click away. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // Every kind of notification is about SLA work on the desk: requesters get none.
  const staff = isStaff(me.roles);
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount(staff);
  const count = unread.data ?? 0;
  if (!staff) return null;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      {/* The target is the button itself, which gets the popover's aria-expanded; the count around it is decoration. */}
      <Indicator label={count > 99 ? '99+' : count} size={16} offset={6} color="red" disabled={count === 0} inline>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('supervision.notifications.open', { count })}
          >
            <BellIcon size={20} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)">
        {opened ? <NotificationList unread={count} onDone={() => setOpened(false)} /> : null}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationList({ unread, onDone }: { unread: number; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications(true);
  const mark = useMarkNotificationsRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const handleOpen = (notification: Notification) => {
    if (!notification.readAt) mark.mutate([notification.id]);
    onDone();
    if (notification.problem)
      void navigate({ to: '/workspace/problems/$problemId', params: { problemId: notification.problem.id } });
    else if (notification.ticket)
      void navigate({ to: '/workspace/tickets/$ticketId', params: { ticketId: notification.ticket.id } });
  };

  return (
    <>
      <Group justify="space-between" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Text size="sm" fw={700}>
          {t('supervision.notifications.title')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={unread === 0}
          loading={mark.isPending}
          onClick={() => mark.mutate(undefined)}
        >
          {t('supervision.notifications.markAllRead')}
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <Box p="sm">
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </Box>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="xl">
          {t('supervision.notifications.empty')}
        </Text>
      ) : (
        <Box mah={420} style={{ overflowY: 'auto' }}>
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((notification) => (
              <li key={notification.id}>
                <NotificationItem notification={notification} onOpen={handleOpen} />
              </li>
            ))}
          </Stack>
          {list.hasNextPage ? (
            <Center py="xs">
              <Button
                size="compact-xs"
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {t('supervision.notifications.more')}
              </Button>
            </Center>
          ) : null}
        </Box>
      )}
    </>
  );
}

function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}) {
  const { t } = useTranslation();
  const unread = !notification.readAt;
  // A ticket's or a problem report's (its PRB number links to the problem page).
  const about = notification.problem ?? notification.ticket;
  return (
    <UnstyledButton
      onClick={() => onOpen(notification)}
      w="100%"
      px="md"
      py="xs"
      bg={unread ? 'blue.0' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', display: 'block' }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{
            flex: 'none',
            borderRadius: '50%',
            background: unread ? 'var(--mantine-color-blue-6)' : 'transparent',
          }}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={unread ? 600 : 400}>
            {unread ? <VisuallyHidden>{`${t('supervision.notifications.unread')}: `}</VisuallyHidden> : null}
            {notificationSentence(notification, t)}
          </Text>
          {about ? (
            <Text size="xs" c="dimmed" truncate>
              <Text span ff="monospace" inherit>
                {about.number}
              </Text>{' '}
              · {about.subject}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            <RelativeTime value={notification.createdAt} />
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
