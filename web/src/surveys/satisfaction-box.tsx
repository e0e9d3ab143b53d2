import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSatisfactionFollowUp, useTicketSatisfaction } from '../api/use-surveys.js';
import { DateTime } from '../components/date-time.js';
import { ErrorAlert } from '../components/error-alert.js';

/**
 * On the desk's ticket page: how the requester rated the resolution, their comment, and for a low
 * rating the follow-up with them ("closing the loop"), recorded on the ticket's timeline.
 */
export function SatisfactionBox({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const satisfaction = useTicketSatisfaction(ticketId);
  const followUp = useSatisfactionFollowUp(ticketId);
  const [note, setNote] = useState('');
  const found = satisfaction.data;
  if (!found?.survey) return null;
  const { survey } = found;
  const low = survey.low;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    followUp.mutate(note.trim(), { onSuccess: () => setNote('') });
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="satisfaction-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5" id="satisfaction-title">
            {t('surveys.staff.title')}
          </Title>
          {low ? <Badge color="red">{t('surveys.staff.low')}</Badge> : null}
        </Group>
        {found.state === 'pending' ? (
          <Text size="sm" c="dimmed">
            {t('surveys.staff.pending')} {t('surveys.staff.closes')}: <DateTime value={survey.expiresAt} />
          </Text>
        ) : found.state === 'expired' ? (
          <Text size="sm" c="dimmed">
            {t('surveys.staff.expired')}
          </Text>
        ) : (
          <>
            {survey.rating !== null ? (
              <Text fw={700}>{t('surveys.staff.rating', { rating: survey.rating })}</Text>
            ) : null}
            <Text size="sm" fs={survey.comment ? 'italic' : undefined} c={survey.comment ? undefined : 'dimmed'}>
              {survey.comment ? `“${survey.comment}”` : t('surveys.staff.noComment')}
            </Text>
            {survey.answeredAt ? (
              <Text size="xs" c="dimmed">
                <DateTime value={survey.answeredAt} />
              </Text>
            ) : null}
            {low ? (
              <form onSubmit={submit}>
                <Stack gap="xs" mt="xs">
                  <Textarea
                    label={t('surveys.staff.followUpLabel')}
                    autosize
                    minRows={2}
                    maxLength={4000}
                    value={note}
                    onChange={(event) => setNote(event.currentTarget.value)}
                  />
                  <ErrorAlert error={followUp.error} />
                  {followUp.isSuccess ? (
                    <Alert color="green" role="status">
                      {t('surveys.staff.followUpSaved')}
                    </Alert>
                  ) : null}
                  <Group>
                    <Button
                      type="submit"
                      size="xs"
                      variant="light"
                      loading={followUp.isPending}
                      disabled={!note.trim()}
                    >
                      {t('surveys.staff.followUp')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}
