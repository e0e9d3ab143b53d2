import { Badge, Drawer, Paper, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobOutcome, JobRun, JobSchedule, JobSummary } from '../../../../domain/contracts/jobs.js';
import { useJobRuns, useJobs } from '../../api/use-jobs.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyMessage, QueryState } from '../../components/query-states.js';
import { RelativeTime } from '../../components/relative-time.js';
import { viewerTimeZone } from '../../i18n/format.js';
import { describeSchedule, formatCounts, formatDuration, isKnownJob, sortJobs } from './job-format.js';

const OUTCOME_COLORS: Record<JobOutcome, string> = { running: 'blue', succeeded: 'teal', failed: 'red' };

function OutcomeBadge({ outcome }: { outcome: JobOutcome }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={OUTCOME_COLORS[outcome]}>
      {t(`jobs.outcomes.${outcome}`)}
    </Badge>
  );
}

/** A job's name and description from the catalog; a job the catalog does not know yet shows its id. */
function useJobWords() {
  const { t } = useTranslation();
  return {
    name: (job: string) => (isKnownJob(job) ? t(`jobs.names.${job}`) : job),
    description: (job: string) => (isKnownJob(job) ? t(`jobs.descriptions.${job}`) : null),
  };
}

function useScheduleText() {
  const { t } = useTranslation();
  return (schedule: JobSchedule): string => {
    const words = describeSchedule(schedule);
    switch (words.key) {
      case 'weeklyAt':
        return t('jobs.schedule.weeklyAt', {
          day: t(`jobs.weekdays.${words.day}`),
          time: words.time,
          zone: words.zone,
        });
      case 'everySeconds':
      case 'everyMinutes':
      case 'everyHours':
      case 'everyDays':
        return t(`jobs.schedule.${words.key}`, { count: words.count });
      case 'everyMinutesCron':
        return t('jobs.schedule.everyMinutesCron', { count: words.count, zone: words.zone });
      case 'hourlyAt':
        return t('jobs.schedule.hourlyAt', { minute: words.minute, zone: words.zone });
      case 'dailyAt':
        return t('jobs.schedule.dailyAt', { time: words.time, zone: words.zone });
      case 'weekdaysAt':
        return t('jobs.schedule.weekdaysAt', { time: words.time, zone: words.zone });
      case 'monthlyAt':
        return t('jobs.schedule.monthlyAt', { dayOfMonth: words.dayOfMonth, time: words.time, zone: words.zone });
      case 'cron':
        return t('jobs.schedule.cron', { cron: words.cron, zone: words.zone });
    }
  };
}

/** Administración → Tareas: the background jobs, their last and next runs; a row opens its recent runs. */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const jobs = useJobs();
  const words = useJobWords();
  const scheduleText = useScheduleText();
  const [open, setOpen] = useState<string | null>(null);

  return (
    <>
      <PageHeader title={t('jobs.title')} description={t('jobs.description', { timeZone: viewerTimeZone() })} />
      <QueryState
        query={jobs}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage title={t('jobs.empty')} description={t('jobs.emptyHint')} />
          </Paper>
        }
      >
        {(items) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={980}>
              <Table verticalSpacing="sm" fz="sm" highlightOnHover aria-label={t('jobs.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('jobs.columns.job')}</Table.Th>
                    <Table.Th>{t('jobs.columns.schedule')}</Table.Th>
                    <Table.Th>{t('jobs.columns.scope')}</Table.Th>
                    <Table.Th>{t('jobs.columns.lastRun')}</Table.Th>
                    <Table.Th>{t('jobs.columns.failures')}</Table.Th>
                    <Table.Th>{t('jobs.columns.nextRun')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sortJobs(items).map((job) => (
                    <JobRow
                      key={job.name}
                      job={job}
                      name={words.name(job.name)}
                      description={words.description(job.name)}
                      schedule={scheduleText(job.schedule)}
                      locale={i18n.language}
                      onOpen={() => setOpen(job.name)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryState>
      <JobRunsDrawer job={open} title={open ? words.name(open) : ''} onClose={() => setOpen(null)} />
    </>
  );
}

function JobRow({
  job,
  name,
  description,
  schedule,
  locale,
  onOpen,
}: {
  job: JobSummary;
  name: string;
  description: string | null;
  schedule: string;
  locale: string;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const last = job.lastRun;
  return (
    <Table.Tr onClick={onOpen} style={{ cursor: 'pointer', verticalAlign: 'top' }}>
      <Table.Td>
        <UnstyledButton
          onClick={(event) => {
            event.stopPropagation();
            onOpen();
          }}
          aria-label={t('jobs.openRuns', { job: name })}
        >
          <Text size="sm" fw={600} c="blue.8" td="underline">
            {name}
          </Text>
        </UnstyledButton>
        {description ? (
          <Text size="xs" c="dimmed" maw={320}>
            {description}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" ff="monospace">
          {job.name}
        </Text>
      </Table.Td>
      <Table.Td>{schedule}</Table.Td>
      <Table.Td>
        <Tooltip label={t(`jobs.scopeHints.${job.scope}`)} openDelay={300}>
          <Text size="sm" span tabIndex={0}>
            {t(`jobs.scopes.${job.scope}`)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        {last ? (
          <Stack gap={2}>
            <Text size="sm" span>
              <OutcomeBadge outcome={last.outcome} /> <RelativeTime value={last.startedAt} />
            </Text>
            {last.durationMs !== null ? (
              <Text size="xs" c="dimmed">
                {t('jobs.tookDuration', { duration: formatDuration(last.durationMs, locale) })}
              </Text>
            ) : null}
            {Object.keys(last.counts).length > 0 ? (
              <Text size="xs" c="dimmed">
                {formatCounts(last.counts, locale, countLabel(t))}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('jobs.never')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {job.consecutiveFailures > 0 ? (
          <Badge size="sm" color="red" variant="filled">
            {t('jobs.failures', { count: job.consecutiveFailures })}
          </Badge>
        ) : (
          <Text size="sm">0</Text>
        )}
      </Table.Td>
      <Table.Td>{job.nextRunAt ? <RelativeTime value={job.nextRunAt} /> : t('jobs.notScheduled')}</Table.Td>
    </Table.Tr>
  );
}

function JobRunsDrawer({ job, title, onClose }: { job: string | null; title: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const runs = useJobRuns(job);
  return (
    <Drawer
      opened={job !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('jobs.runs.title', { job: title })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <QueryState query={runs} empty={<EmptyMessage title={t('jobs.runs.empty')} />}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          return (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" fz="sm" aria-label={t('jobs.runs.tableLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('jobs.runs.started')}</Table.Th>
                      <Table.Th>{t('jobs.runs.outcome')}</Table.Th>
                      <Table.Th>{t('jobs.runs.duration')}</Table.Th>
                      <Table.Th>{t('jobs.runs.instance')}</Table.Th>
                      <Table.Th>{t('jobs.runs.counts')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((run) => (
                      <RunRows key={run.id} run={run} locale={i18n.language} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <LoadMore
                shown={items.length}
                hasMore={runs.hasNextPage}
                loading={runs.isFetchingNextPage}
                onLoadMore={() => void runs.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryState>
    </Drawer>
  );
}

/** A count's word from the catalog; a count the catalog does not name yet shows its key. */
const countLabel = (t: TFunction) => (name: string) => t(`jobs.counts.${name}`, { defaultValue: name });

function RunRows({ run, locale }: { run: JobRun; locale: string }) {
  const { t } = useTranslation();
  const counts = formatCounts(run.counts, locale, countLabel(t));
  return (
    <>
      <Table.Tr>
        <Table.Td>
          <RelativeTime value={run.startedAt} />
        </Table.Td>
        <Table.Td>
          <OutcomeBadge outcome={run.outcome} />
        </Table.Td>
        <Table.Td>{run.durationMs === null ? '—' : formatDuration(run.durationMs, locale)}</Table.Td>
        <Table.Td>
          <Text size="xs" ff="monospace">
            {run.instance}
          </Text>
        </Table.Td>
        <Table.Td>{counts || t('jobs.runs.nothingDone')}</Table.Td>
      </Table.Tr>
      {run.error ? (
        <Table.Tr>
          <Table.Td colSpan={5} pt={0}>
            <Text size="xs" c="red" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              <Text span fw={700} size="xs">
                {t('jobs.runs.error')}:
              </Text>{' '}
              {run.error}
            </Text>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
