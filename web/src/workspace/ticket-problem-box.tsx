import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useLinkIncidents, useProblemSearch, useUnlinkIncident } from '../api/use-known-errors.js';
import { useCurrentUser } from '../api/use-session.js';
import { ErrorAlert } from '../components/error-alert.js';

/**
 * The problem behind an incident (one at most): its number, status and a link to its page, with
 * "Unlink"; or, when there is none, "Link to a problem" by number or words.
 */
export function TicketProblemBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const unlink = useUnlinkIncident();
  const link = useLinkIncidents();
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 300);
  const found = useProblemSearch(searching ? debounced : '');
  const problem = ticket.problems[0];
  const canLink = rolesGrant(useCurrentUser().roles, 'problems.work');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-problem">
      <Stack gap="xs">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="ticket-problem">
          {t('problems.desk.linked.title')}
        </Text>
        <ErrorAlert error={unlink.error ?? link.error} />
        {problem ? (
          <Stack gap={4}>
            <Group gap="xs" wrap="nowrap">
              <Anchor href={`/workspace/problems/${encodeURIComponent(problem.id)}`} ff="monospace" size="sm">
                {problem.number}
              </Anchor>
              <Badge size="xs" variant="light">
                {t(`problems.statuses.${problem.status}`)}
              </Badge>
            </Group>
            <Text size="sm">{problem.subject}</Text>
            {canLink ? (
              <Group justify="flex-end">
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={unlink.isPending}
                  onClick={() => unlink.mutate({ problemId: problem.id, ticketId: ticket.id })}
                >
                  {t('problems.desk.linked.unlink')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : searching ? (
          <Stack gap={4}>
            <TextInput
              size="xs"
              label={t('problems.desk.linked.search')}
              placeholder={t('problems.desk.linked.searchPlaceholder')}
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
              data-autofocus
              autoFocus
            />
            {debounced.trim() && found.data?.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('problems.desk.linked.noMatch')}
              </Text>
            ) : null}
            {found.data?.map((candidate) => (
              <Group key={candidate.id} justify="space-between" wrap="nowrap" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="xs" ff="monospace" c="dimmed">
                    {candidate.number} · {t(`problems.statuses.${candidate.status}`)}
                  </Text>
                  <Text size="sm" lineClamp={2}>
                    {candidate.subject}
                  </Text>
                </div>
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={link.isPending && link.variables?.problemId === candidate.id}
                  aria-label={`${t('problems.desk.linked.pick')} ${candidate.number}`}
                  onClick={() =>
                    link.mutate(
                      { problemId: candidate.id, ticketIds: [ticket.id] },
                      { onSuccess: () => setSearching(false) },
                    )
                  }
                >
                  {t('problems.desk.linked.pick')}
                </Button>
              </Group>
            ))}
          </Stack>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('problems.desk.linked.none')}
            </Text>
            {canLink ? (
              <Group justify="flex-end">
                <Button size="compact-xs" variant="light" onClick={() => setSearching(true)}>
                  {t('problems.desk.linked.link')}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
