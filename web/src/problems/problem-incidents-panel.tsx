import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/contracts/problems.js';
import { findTicketByNumber, useLinkIncidents, useProblemIncidents, useUnlinkIncident } from '../api/use-problems.js';
import { ErrorAlert } from '../components/error-alert.js';
import { QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { TicketStatusBadge } from '../components/ticket-badges.js';
import { IncidentTrendChart } from './incident-trend-chart.js';

/** The incidents a problem explains: where they come from, how many over time, and linking more by number. */
export function ProblemIncidentsPanel({ problem, canWork }: { problem: Problem; canWork: boolean }) {
  const { t } = useTranslation();
  const incidents = useProblemIncidents(problem.id);
  const link = useLinkIncidents(problem.id);
  const unlink = useUnlinkIncident(problem.id);
  const [number, setNumber] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const wanted = number.trim();
    if (!wanted) return;
    setLooking(true);
    setNotFound(null);
    try {
      const ticket = await findTicketByNumber(wanted);
      if (!ticket) setNotFound(t('problems.web.ticketNotFound', { number: wanted }));
      else link.mutate([ticket.id], { onSuccess: () => setNumber('') });
    } finally {
      setLooking(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="problem-incidents-title">
      <Text id="problem-incidents-title" size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
        {t('problems.incidents.title')}
      </Text>
      <QueryState query={incidents}>
        {(data) => (
          <Stack gap="sm">
            <IncidentTrendChart trend={data.trend} />
            <div>
              <Text size="xs" fw={500} mb={4}>
                {t('problems.incidents.byOrganization')}
              </Text>
              {data.organizations.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('problems.web.organizationsEmpty')}
                </Text>
              ) : (
                <Group gap={4}>
                  {data.organizations.map((o) => (
                    <Badge key={o.id} variant="light" color="gray" tt="none">
                      {o.name} · {o.count}
                    </Badge>
                  ))}
                </Group>
              )}
            </div>
            {data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('problems.web.incidentsEmpty')}
              </Text>
            ) : (
              <Table fz="sm" verticalSpacing={4} aria-label={t('problems.incidents.title')}>
                <Table.Tbody>
                  {data.items.map((incident) => (
                    <Table.Tr key={incident.id}>
                      <Table.Td>
                        <RouterAnchor
                          to="/workspace/tickets/$ticketId"
                          params={{ ticketId: incident.id }}
                          size="sm"
                          fw={500}
                        >
                          {incident.number}
                        </RouterAnchor>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {incident.subject} · {incident.organization.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <TicketStatusBadge status={incident.status} size="sm" />
                      </Table.Td>
                      {canWork ? (
                        <Table.Td>
                          <Button
                            variant="subtle"
                            color="red"
                            size="compact-xs"
                            loading={unlink.isPending && unlink.variables === incident.id}
                            onClick={() => unlink.mutate(incident.id)}
                            aria-label={t('problems.web.unlinkTicket', { number: incident.number })}
                          >
                            {t('problems.incidents.unlink')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </QueryState>
      {canWork ? (
        <form onSubmit={(event) => void submit(event)}>
          <Group gap="xs" align="flex-start" mt="sm">
            <TextInput
              label={t('problems.web.ticketNumber')}
              placeholder="INC-000123"
              value={number}
              onChange={(event) => {
                setNumber(event.currentTarget.value);
                setNotFound(null);
              }}
              error={notFound ?? undefined}
              style={{ flex: 1 }}
              size="sm"
            />
            <Button type="submit" mt={25} size="sm" loading={looking || link.isPending}>
              {t('problems.web.linkIncident')}
            </Button>
          </Group>
          <ErrorAlert error={link.error ?? unlink.error} />
        </form>
      ) : null}
    </Paper>
  );
}
