import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSettings } from '../../../../domain/contracts/settings.js';
import { LEVELS, PRIORITY_NAMES, type Priority } from '../../../../domain/tickets/priority.js';
import { useSaveTicketSettings, useTicketSettings } from '../../api/use-ticket-settings.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-states.js';

/** The desk-wide ticket settings: the impact × urgency priority matrix and the reopen window. */
export function TicketSettingsPage() {
  const { t } = useTranslation();
  const settings = useTicketSettings();
  const save = useSaveTicketSettings();
  const [draft, setDraft] = useState<TicketSettings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  const priorities = ([1, 2, 3, 4] as Priority[]).map((p) => ({
    value: String(p),
    label: `P${p} ${t(`tickets.priorities.${PRIORITY_NAMES[p]}`)}`,
  }));

  return (
    <>
      <PageHeader title={t('ticketSettings.title')} description={t('ticketSettings.description')} />
      <QueryState query={settings}>
        {() =>
          draft ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                save.mutate(draft);
              }}
            >
              <Stack gap="md" maw={720}>
                <Paper withBorder radius="md" p="md">
                  <Title order={3} size="h5">
                    {t('ticketSettings.matrix')}
                  </Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('ticketSettings.matrixHint')}
                  </Text>
                  <Table withTableBorder withColumnBorders>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>
                          {t('ticketSettings.impact')} / {t('ticketSettings.urgency')}
                        </Table.Th>
                        {LEVELS.map((urgency) => (
                          <Table.Th key={urgency}>{t(`ticketSettings.levels.${urgency}`)}</Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {LEVELS.map((impact) => (
                        <Table.Tr key={impact}>
                          <Table.Th>{t(`ticketSettings.levels.${impact}`)}</Table.Th>
                          {LEVELS.map((urgency) => (
                            <Table.Td key={urgency}>
                              <Select
                                aria-label={`${t('ticketSettings.impact')} ${t(`ticketSettings.levels.${impact}`)}, ${t('ticketSettings.urgency')} ${t(`ticketSettings.levels.${urgency}`)}`}
                                data={priorities}
                                value={String(draft.priorityMatrix[impact][urgency])}
                                allowDeselect={false}
                                onChange={(value) =>
                                  setDraft({
                                    ...draft,
                                    priorityMatrix: {
                                      ...draft.priorityMatrix,
                                      [impact]: {
                                        ...draft.priorityMatrix[impact],
                                        [urgency]: Number(value) as Priority,
                                      },
                                    },
                                  })
                                }
                              />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Paper>
                <Paper withBorder radius="md" p="md">
                  <NumberInput
                    label={t('ticketSettings.reopenDays')}
                    description={t('ticketSettings.reopenDaysHint')}
                    min={0}
                    max={90}
                    value={draft.reopenDays}
                    onChange={(value) => setDraft({ ...draft, reopenDays: Number(value) || 0 })}
                    maw={240}
                  />
                </Paper>
                <ErrorAlert error={save.error} />
                {save.isSuccess ? (
                  <Alert color="teal" variant="light">
                    {t('ticketSettings.saved')}
                  </Alert>
                ) : null}
                <Group>
                  <Button type="submit" loading={save.isPending}>
                    {t('ticketSettings.save')}
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : null
        }
      </QueryState>
    </>
  );
}
