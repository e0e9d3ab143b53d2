import { AppShell, Burger, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveUpdates } from '../api/use-live-updates.js';
import { useMe } from '../api/use-session.js';
import { RouterNavLink } from '../components/router-link.js';
import { applyLanguage, isLanguage } from '../i18n/i18n.js';
import './app-layout.css';
import { LanguageSwitch } from './language-switch.js';
import { type NavSection, navItemsFor } from './nav-items.js';
import { NotificationsBell } from './notifications-bell.js';
import { UserMenu } from './user-menu.js';

const SECTION_ORDER: NavSection[] = ['portal', 'workspace', 'admin', 'personal'];
const MAIN_ID = 'main-content';

/** The frame around every signed-in screen: header, role-based navigation, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // The signed-in person's saved language wins over this browser's.
  const locale = me?.locale;
  useEffect(() => {
    if (isLanguage(locale)) applyLanguage(locale);
  }, [locale]);

  // On phones the menu closes once a destination is chosen.
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);

  // Tickets changed elsewhere show up here without a reload.
  useLiveUpdates(Boolean(me));

  // Signed out (or the session ended): the gate is redirecting; show nothing meanwhile.
  if (!me) return null;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.openMenu')} />
            <Title order={1} size="h3" c="blue.8">
              Mesa
            </Title>
          </Group>
          <Group gap={4} wrap="nowrap">
            <LanguageSwitch />
            <NotificationsBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.mainNavigation')}>
        <AppShell.Section grow component={ScrollArea}>
          <Navigation />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <div style={{ maxWidth: 1200, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

/** Keyboard users jump past the header and the navigation to the page itself (WCAG 2.4.1). */
function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        // Focus moves without touching the address, which the router owns.
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('shell.skipToContent')}
    </a>
  );
}

function Navigation() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const items = navItemsFor(me?.roles ?? []);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  // The most specific item is lit alone: "Problems" is not lit on "Problem candidates", below it.
  const underDeeperItem = (to: string) =>
    items.some((other) => other.to.startsWith(`${to}/`) && `${pathname}/`.startsWith(`${other.to}/`));
  return (
    <Stack gap="md" component="nav">
      {SECTION_ORDER.map((section) => {
        const inSection = items.filter((item) => item.section === section);
        if (inSection.length === 0) return null;
        return (
          <div key={section}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
              {t(`nav.sections.${section}`)}
            </Text>
            {inSection.map((item) => (
              <RouterNavLink
                key={item.to}
                to={item.to}
                label={t(item.label)}
                activeOptions={{ exact: item.exact || underDeeperItem(item.to) }}
              />
            ))}
          </div>
        );
      })}
    </Stack>
  );
}
