import { Anchor, Group, Loader, NavLink, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type KeyboardEvent, type Ref, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../domain/contracts/users.js';
import { useOrganization } from '../api/use-organizations.js';
import { useTicketList } from '../api/use-tickets.js';
import { useUserList } from '../api/use-users.js';
import { QueryState } from '../components/query-states.js';
import { RelativeTime } from '../components/relative-time.js';
import { RouterAnchor } from '../components/router-link.js';
import { TicketStatusBadge } from '../components/ticket-badges.js';

/** Finds the caller as the agent types (name, email or phone number); ↑ ↓ move, Enter picks. */
export function CallerSearch({
  caller,
  onChange,
  inputRef,
  error,
}: {
  caller: User | null;
  onChange: (caller: User | null) => void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [cursor, setCursor] = useState(0);
  const results = useUserList({ q: debounced || undefined, role: 'requester', status: 'active' });
  const listed = (results.data?.pages[0]?.items ?? []).slice(0, 8);
  // The previous search's people stay on screen, dimmed and busy, while the next answer loads (no
  // flicker as the agent types), but only the answer to what is typed now may be picked with
  // Enter or named as the active option: Enter must never take someone the new words do not match.
  const current = debounced === search.trim() && results.isSuccess && !results.isPlaceholderData;
  const people = current ? listed : [];
  const highlighted = search.trim() ? people[cursor] : undefined;
  // Enter pressed before the answer came: it picks the first match once the answer is in.
  const [enterWaiting, setEnterWaiting] = useState(false);

  const pick = (user: User | undefined) => {
    setEnterWaiting(false);
    if (!user) return;
    onChange(user);
    setSearch('');
    setCursor(0);
  };

  useEffect(() => {
    if (enterWaiting && current) pick(people[cursor]);
  });

  if (caller) return <CallerCard caller={caller} onChange={() => onChange(null)} />;

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setCursor((c) => Math.min(c + 1, people.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setCursor((c) => Math.max(c - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (current) pick(people[cursor]);
      else if (search.trim()) setEnterWaiting(true);
    }
  };

  return (
    <Stack gap={4}>
      <TextInput
        ref={inputRef}
        label={t('phone.caller')}
        description={t('phone.callerHint')}
        placeholder={t('phone.callerPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setCursor(0);
          setEnterWaiting(false);
        }}
        onKeyDown={handleKeyDown}
        error={error}
        required
        role="combobox"
        aria-expanded={search.trim().length > 0}
        aria-controls="caller-results"
        aria-activedescendant={highlighted ? `caller-${highlighted.id}` : undefined}
        // The previous answer stays listed while the next loads; a spinner, not faded text (which
        // would read below 4.5:1), says it is not the answer yet.
        rightSection={search.trim() && !current ? <Loader size="xs" aria-hidden /> : null}
      />
      {search.trim() ? (
        <Paper
          withBorder
          radius="sm"
          id="caller-results"
          role="listbox"
          aria-label={t('phone.caller')}
          aria-busy={!current}
        >
          <QueryState
            query={results}
            empty={
              <Text size="sm" c="dimmed" p="sm">
                {t('phone.noCallers')}
              </Text>
            }
          >
            {() =>
              listed.map((person, index) => (
                <NavLink
                  key={person.id}
                  id={`caller-${person.id}`}
                  role="option"
                  aria-selected={current && index === cursor}
                  active={current && index === cursor}
                  label={person.name}
                  description={<PersonDetails person={person} />}
                  onClick={() => pick(person)}
                  onMouseEnter={() => setCursor(index)}
                />
              ))
            }
          </QueryState>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** The caller picked: who, which organization, and their latest tickets (is this about one of them?). */
function CallerCard({ caller, onChange }: { caller: User; onChange: () => void }) {
  const { t } = useTranslation();
  // Three, so the call's fields and its endings still fit on one screen.
  const recent = useTicketList({ requesterId: caller.id, queue: 'all' }, { limit: 3 });
  const tickets = (recent.data?.pages[0]?.items ?? []).slice(0, 3);
  return (
    <Paper withBorder radius="sm" p="sm" bg="blue.0" aria-label={t('phone.caller')}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
            {t('phone.caller')}
          </Text>
          <Text fw={600}>{caller.name}</Text>
          <Text size="sm" c="dimmed">
            <PersonDetails person={caller} />
          </Text>
        </div>
        <Anchor component="button" type="button" size="sm" onClick={onChange}>
          {t('phone.changeCaller')}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} mt="sm" mb={4}>
        {t('phone.recent')}
      </Text>
      <QueryState
        query={recent}
        empty={
          <Text size="sm" c="dimmed">
            {t('phone.noRecent')}
          </Text>
        }
      >
        {() => (
          <Stack gap={2}>
            {tickets.map((ticket) => (
              <Group key={ticket.id} gap="xs" wrap="nowrap">
                <Text ff="monospace" size="xs" c="dimmed">
                  {ticket.number}
                </Text>
                <RouterAnchor
                  to="/workspace/tickets/$ticketId"
                  params={{ ticketId: ticket.id }}
                  size="sm"
                  target="_blank"
                  // 24 px tall: a link a finger or an unsteady hand can hit (WCAG 2.5.8).
                  style={{ flex: 1, minWidth: 0, lineHeight: '24px' }}
                  truncate
                >
                  {ticket.subject}
                </RouterAnchor>
                <TicketStatusBadge status={ticket.status} size="xs" />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  <RelativeTime value={ticket.updatedAt} />
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}

/** Email, phone number when known, and organization, as one line of text. */
function PersonDetails({ person }: { person: User }) {
  return (
    <>
      {person.email}
      {person.phone ? ` · ${person.phone}` : ''} · <OrganizationText id={person.organizationId} />
    </>
  );
}

/** The organization's name as plain text, in the surrounding text's size. */
function OrganizationText({ id }: { id: string | null }) {
  const organization = useOrganization(id);
  return organization.data?.name ?? '—';
}
