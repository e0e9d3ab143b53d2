import { Button, Center, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemEvent } from '../../../domain/contracts/problems.js';
import { useAddProblemNote, useProblemTimeline } from '../api/use-problems.js';
import { ErrorAlert } from '../components/error-alert.js';
import { QueryState } from '../components/query-states.js';
import { RelativeTime } from '../components/relative-time.js';
import { RichText } from '../components/rich-text.js';
import { textToHtml } from '../components/text-to-html.js';
import { useDateFormat } from '../i18n/format.js';

const SENTENCES = [
  'created',
  'updated',
  'status_changed',
  'note',
  'incidents_linked',
  'incident_unlinked',
  'workaround_applied',
  'sla_warning',
  'sla_breach',
  'sla_escalation',
] as const;
type Sentence = (typeof SENTENCES)[number];
/** A date promised for the problem, and the job's warning and breach of it (server/modules/supervision). */
const COMMITMENT_KINDS = ['commitment_made', 'commitment_warning', 'commitment_broken'];

const listOf = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));

/** What happened to the problem, as one line per event (an unknown kind reads as an update). */
function useEventSentence() {
  const { t } = useTranslation();
  const format = useDateFormat();
  return (event: ProblemEvent) => {
    if (COMMITMENT_KINDS.includes(event.kind)) {
      const promised = event.changes.find((c) => c.field === 'promisedAt');
      const date = (value: unknown) => (typeof value === 'string' ? format.dateTime(value) : '—');
      return event.kind === 'commitment_made' && typeof promised?.from === 'string'
        ? t('supervision.timeline.commitment_replaced', { date: date(promised.to), previous: date(promised.from) })
        : t(`supervision.timeline.${event.kind as 'commitment_made'}`, { date: date(promised?.to) });
    }
    const kind: Sentence = (SENTENCES as readonly string[]).includes(event.kind) ? (event.kind as Sentence) : 'updated';
    const change = (field: string) => event.changes.find((c) => c.field === field);
    const status = change('status')?.to;
    const incidents = change('incidents');
    const ticket = change('ticket') ?? change('incident');
    const said = t(`problems.timeline.${kind}`, {
      status: typeof status === 'string' ? t(`problems.statuses.${status as 'new'}`) : '',
      numbers: listOf(incidents?.to ?? incidents?.from),
      number: listOf(ticket?.to ?? incidents?.to),
      percent: change('percent')?.to ?? '',
    });
    // The SLA watch's events name whom they told.
    const notified = change('notified')?.to;
    return Array.isArray(notified) && notified.length > 0
      ? `${said} (${t('problems.timeline.notified', { names: listOf(notified) })})`
      : said;
  };
}

/** The problem's history in the server's order, oldest first, with internal notes written here. */
export function ProblemTimeline({ problemId, canWork }: { problemId: string; canWork: boolean }) {
  const { t } = useTranslation();
  const timeline = useProblemTimeline(problemId);
  const addNote = useAddProblemNote(problemId);
  const [note, setNote] = useState('');
  const sentence = useEventSentence();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="problem-timeline-title">
      <Text id="problem-timeline-title" size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
        {t('problems.web.timeline')}
      </Text>
      {canWork ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (note.trim()) addNote.mutate(textToHtml(note), { onSuccess: () => setNote('') });
          }}
        >
          <Stack gap="xs" mb="md">
            <Textarea
              label={t('problems.web.note')}
              autosize
              minRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <ErrorAlert error={addNote.error} />
            <div>
              <Button type="submit" size="sm" loading={addNote.isPending} disabled={!note.trim()}>
                {t('problems.web.addNote')}
              </Button>
            </div>
          </Stack>
        </form>
      ) : null}
      <QueryState query={timeline}>
        {(data) => {
          const events = data.pages.flatMap((page) => page.items);
          if (events.length === 0)
            return (
              <Text size="sm" c="dimmed">
                {t('problems.web.timelineEmpty')}
              </Text>
            );
          return (
            <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {events.map((event) => (
                <li key={event.id}>
                  <Text size="sm">
                    <Text span fw={500}>
                      {event.actor?.name ??
                        (event.kind.startsWith('sla_')
                          ? t('problems.timeline.slaWatch')
                          : COMMITMENT_KINDS.includes(event.kind)
                            ? t('timeline.system')
                            : t('problems.web.someone'))}
                    </Text>{' '}
                    {sentence(event)}{' '}
                    <Text span size="xs" c="dimmed">
                      · <RelativeTime value={event.at} />
                    </Text>
                  </Text>
                  {event.bodyHtml ? (
                    <Paper bg="yellow.0" p="xs" mt={4} radius="sm">
                      <RichText html={event.bodyHtml} />
                    </Paper>
                  ) : null}
                </li>
              ))}
              {timeline.hasNextPage ? (
                <Center>
                  <Button
                    variant="default"
                    size="xs"
                    loading={timeline.isFetchingNextPage}
                    onClick={() => void timeline.fetchNextPage()}
                  >
                    {t('problems.web.loadOlder')}
                  </Button>
                </Center>
              ) : null}
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
