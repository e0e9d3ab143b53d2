import { Alert, Button, Modal, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/contracts/problems.js';
import { isOpen } from '../../../domain/tickets/ticket-lifecycle.js';
import { useIncidentResolution, useResolveIncidents } from '../api/use-problem-jobs.js';
import { useProblemIncidents } from '../api/use-problems.js';
import { htmlToText } from '../components/canned-response-picker.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { textToHtml } from '../components/text-to-html.js';

/**
 * On a resolved problem: resolving its open incidents, each with a message to its requester in
 * their language, and the run's progress (asked again while it runs) until it ends, when the
 * incidents panel reloads. Shows nothing while there is nothing to resolve and no run to follow.
 */
export function ResolveIncidentsBox({ problem, canManage }: { problem: Problem; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const incidents = useProblemIncidents(problem.id);
  const run = useIncidentResolution(problem.id);
  const [asking, setAsking] = useState(false);
  const latest = run.data ?? null;
  const running = latest?.status === 'running';
  // A run seen going and now ended: the incidents changed status, reload them and the problem.
  const seenRunning = useRef(false);
  useEffect(() => {
    if (running) seenRunning.current = true;
    else if (latest?.status === 'done' && seenRunning.current) {
      seenRunning.current = false;
      void queryClient.invalidateQueries({ queryKey: ['problems', 'incidents', problem.id] });
      void queryClient.invalidateQueries({ queryKey: ['problems', 'detail', problem.id] });
      void queryClient.invalidateQueries({ queryKey: ['problems', 'timeline', problem.id] });
    }
  }, [running, latest?.status, problem.id, queryClient]);

  const open = (incidents.data?.items ?? []).filter((incident) => isOpen(incident.status)).length;
  const offer = canManage && problem.status === 'resolved' && open > 0 && !running;
  const showRun = latest !== null && (running || latest.total > 0);
  if (!offer && !showRun) return null;
  const done = latest ? latest.resolved + latest.skipped : 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('problemScreens.resolve.region')}>
      <Stack gap="sm">
        {showRun && latest ? (
          <Stack gap={6}>
            <Text size="sm" fw={500} role="status" aria-live="polite">
              {running
                ? t('problemScreens.resolve.running')
                : t('problemScreens.resolve.done', { resolved: latest.resolved, total: latest.total })}
            </Text>
            <Progress
              value={latest.total ? (done / latest.total) * 100 : 100}
              animated={running}
              aria-label={t('problemScreens.resolve.progress', { done, total: latest.total })}
            />
            <Text size="sm" c="dimmed">
              {t('problemScreens.resolve.progress', { done, total: latest.total })}
              {latest.skipped > 0 ? ` · ${t('problemScreens.resolve.skipped', { count: latest.skipped })}` : ''}
            </Text>
          </Stack>
        ) : null}
        {offer ? (
          <Button variant="light" color="teal" onClick={() => setAsking(true)} w="fit-content">
            {t('problemScreens.resolve.button', { count: open })}
          </Button>
        ) : null}
      </Stack>
      {asking ? <ResolveIncidentsModal problemId={problem.id} open={open} onClose={() => setAsking(false)} /> : null}
    </Paper>
  );
}

function ResolveIncidentsModal({ problemId, open, onClose }: { problemId: string; open: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const resolve = useResolveIncidents(problemId);
  // The desk's standard wording in each language, for the requesters who read it.
  const [es, setEs] = useState(() => htmlToText(i18n.getFixedT('es')('problems.resolveIncidents.message')));
  const [en, setEn] = useState(() => htmlToText(i18n.getFixedT('en')('problems.resolveIncidents.message')));
  const empty = !es.trim() || !en.trim();
  return (
    <Modal opened onClose={onClose} title={t('problemScreens.resolve.title')} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (empty) return;
          resolve.mutate({ message: { es: textToHtml(es), en: textToHtml(en) } }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <Alert variant="light" color="blue">
            {t('problemScreens.resolve.hint', { count: open })}
          </Alert>
          <ErrorAlert error={resolve.error} />
          <Textarea
            label={t('problemScreens.resolve.messageEs')}
            lang="es"
            required
            autosize
            minRows={3}
            value={es}
            onChange={(event) => setEs(event.currentTarget.value)}
            error={es.trim() ? undefined : t('errors.fields.required')}
            data-autofocus
          />
          <Textarea
            label={t('problemScreens.resolve.messageEn')}
            lang="en"
            required
            autosize
            minRows={3}
            value={en}
            onChange={(event) => setEn(event.currentTarget.value)}
            error={en.trim() ? undefined : t('errors.fields.required')}
          />
          <ModalFooter
            submitLabel={t('problemScreens.resolve.submit')}
            onCancel={onClose}
            loading={resolve.isPending}
            disabled={empty}
          />
        </Stack>
      </form>
    </Modal>
  );
}
