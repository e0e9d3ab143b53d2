import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProblemCandidate } from '../../../domain/contracts/problem-jobs.js';
import { DateTime } from '../components/date-time.js';
import { RouterAnchor } from '../components/router-link.js';
import { useDateFormat } from '../i18n/format.js';

/** The words a candidate is known by: its shared terms, or its first incident's subject. */
export const candidateName = (candidate: ProblemCandidate) =>
  candidate.sharedTerms.slice(0, 4).join(', ') || candidate.incidents[0]?.subject || candidate.key;

/** One pending candidate and its evidence: where, when, how many, the words they share and the incidents. */
export function CandidateCard({
  candidate,
  canManage,
  onAccept,
  onDismiss,
}: {
  candidate: ProblemCandidate;
  canManage: boolean;
  onAccept: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const name = candidateName(candidate);
  const none = t('problemScreens.candidates.none');
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={t('problemScreens.candidates.cardLabel', { terms: name })}
      data-candidate={candidate.id}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 20rem' }}>
            <Text fw={600}>{name}</Text>
            <Badge variant="light" color="orange" tt="none" w="fit-content">
              {t('problemScreens.candidates.incidentCount', { count: candidate.incidents.length })}
            </Badge>
          </Stack>
          {canManage ? (
            <Group gap="xs">
              <Button variant="default" color="red" onClick={onDismiss}>
                {t('problemScreens.candidates.dismiss')}
              </Button>
              <Button onClick={onAccept}>{t('problemScreens.candidates.accept')}</Button>
            </Group>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" component="dl" m={0}>
          <Fact label={t('problemScreens.candidates.organization')} value={candidate.organization.name} />
          <Fact label={t('problemScreens.candidates.service')} value={candidate.service?.name ?? none} />
          <Fact label={t('problemScreens.candidates.category')} value={candidate.category?.name ?? none} />
          <Fact
            label={t('problemScreens.candidates.window')}
            value={t('problemScreens.candidates.windowRange', {
              from: format.date(candidate.firstAt),
              to: format.date(candidate.lastAt),
              days: candidate.windowDays,
            })}
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('problemScreens.candidates.sharedTerms')}
          </Text>
          <Group gap={4}>
            {candidate.sharedTerms.length === 0 ? <Text size="sm">{none}</Text> : null}
            {candidate.sharedTerms.map((term) => (
              <Badge key={term} variant="outline" color="gray" tt="none">
                {term}
              </Badge>
            ))}
          </Group>
        </div>
        <Table.ScrollContainer minWidth={520}>
          <Table
            fz="sm"
            verticalSpacing={4}
            aria-label={t('problemScreens.candidates.incidentsLabel', { terms: name })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('problemScreens.candidates.number')}</Table.Th>
                <Table.Th>{t('problemScreens.candidates.subject')}</Table.Th>
                <Table.Th w={190}>{t('problemScreens.candidates.raised')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {candidate.incidents.map((incident) => (
                <Table.Tr key={incident.id}>
                  <Table.Td>
                    <RouterAnchor
                      to="/workspace/tickets/$ticketId"
                      params={{ ticketId: incident.id }}
                      size="sm"
                      ff="monospace"
                    >
                      {incident.number}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td>{incident.subject}</Table.Td>
                  <Table.Td>
                    <DateTime value={incident.createdAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {value}
      </Text>
    </div>
  );
}
