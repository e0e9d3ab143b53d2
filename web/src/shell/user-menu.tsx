import { Avatar, Button, ColorSwatch, Indicator, Menu, Text, VisuallyHidden } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isStaff } from '../../../domain/roles.js';
import { useCurrentUser, useLogout } from '../api/use-session.js';
import { useSetPresence } from '../api/use-support.js';
import { useUser } from '../api/use-users.js';
import { useShortcuts } from './shortcuts.js';

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.[0]?.toUpperCase() ?? '').join('') || '?';
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { openHelp } = useShortcuts();
  const staff = isStaff(me.roles);
  // Presence lives on the user record, not the session: staff read their own.
  const self = useUser(staff ? me.id : null);
  const setPresence = useSetPresence();
  const presence = setPresence.data?.presence ?? self.data?.presence ?? 'available';
  const presenceColor = presence === 'available' ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-5)';

  const signOut = () => {
    logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) });
  };

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px={6}
          leftSection={
            <Indicator
              disabled={!staff}
              color={presence === 'available' ? 'teal' : 'gray'}
              size={9}
              offset={3}
              position="bottom-end"
              withBorder
            >
              <Avatar size={28} radius="xl" color="blue" aria-hidden>
                {initialsOf(me.name)}
              </Avatar>
            </Indicator>
          }
        >
          {/* Named by its words, not an aria-label: the visible name (and initials) stay inside what is said. */}
          <VisuallyHidden>{t('shell.userMenu', { name: me.name })}</VisuallyHidden>
          <Text size="sm" visibleFrom="sm" maw={180} truncate aria-hidden>
            {me.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.email}
          </Text>
        </Menu.Label>
        {staff ? (
          <>
            <Menu.Item
              closeMenuOnClick={false}
              leftSection={<ColorSwatch color={presenceColor} size={10} />}
              disabled={setPresence.isPending || self.isPending}
              onClick={() => setPresence.mutate(presence === 'available' ? 'away' : 'available')}
              aria-label={`${t('support.presence.label')}: ${t(`support.presence.${presence}`)}`}
            >
              <Text size="sm">{t(`support.presence.${presence}`)}</Text>
              <Text size="xs" c="dimmed">
                {t('support.presence.hint')}
              </Text>
            </Menu.Item>
            <Menu.Divider />
          </>
        ) : null}
        <Menu.Item onClick={() => void navigate({ to: '/account' })}>{t('nav.account')}</Menu.Item>
        <Menu.Item onClick={openHelp}>{t('shortcuts.title')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={signOut} disabled={logout.isPending}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
