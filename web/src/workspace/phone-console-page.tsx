import { Alert, Button, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { RouterAnchor } from '../components/router-link.js';
import { usePageShortcuts } from '../shell/shortcuts.js';
import { type CallClock, callState, endCall, IDLE, startCall } from './call-clock.js';
import { CallTimer } from './call-timer.js';
import { type Outcome, PhoneCall } from './phone-call.js';

/**
 * The L1 desk's screen for a call in progress: who calls, what about, the procedures that fit as
 * the agent types, and two endings — resolved on first contact, or created and escalated to L2.
 * The clock runs from the call's start (the caller picked, or "Start call") to its ticket; after
 * either ending the ticket number stays on screen and the form is ready for the next call.
 */
export function PhoneConsolePage() {
  const { t } = useTranslation();
  const [form, setForm] = useState(0);
  const [clock, setClock] = useState<CallClock>(IDLE);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const running = callState(clock) === 'running';
  const start = () => setClock((c) => startCall(c, Date.now()));
  const discard = () => {
    setClock(IDLE);
    setForm((n) => n + 1);
  };
  // `n` starts the clock for a call; it never throws away one being written.
  usePageShortcuts({ n: start });
  return (
    <Stack gap="md">
      <PageHeader
        title={t('phone.title')}
        description={t('phone.description')}
        actions={
          <>
            <Paper withBorder radius="md" px="sm" py={4}>
              <CallTimer clock={clock} />
            </Paper>
            {running ? (
              <Button variant="default" onClick={discard}>
                {t('phone.discardCall')}
              </Button>
            ) : (
              <Button variant="default" onClick={start}>
                {t('phone.startCall')}
              </Button>
            )}
          </>
        }
      />
      {outcome ? (
        <Alert
          color={outcome.error ? 'yellow' : 'teal'}
          variant="light"
          withCloseButton
          onClose={() => setOutcome(null)}
          role="status"
          title={
            outcome.error
              ? t('phone.createdNotEscalated', { number: outcome.number })
              : outcome.group
                ? t('phone.escalatedDone', { number: outcome.number, group: outcome.group })
                : t('phone.resolvedDone', { number: outcome.number })
          }
        >
          {outcome.error ? <ErrorAlert error={outcome.error} /> : null}
          <RouterAnchor to="/workspace/tickets/$ticketId" params={{ ticketId: outcome.ticketId }} size="sm">
            {t('phone.open')}
          </RouterAnchor>
        </Alert>
      ) : null}
      <PhoneCall
        key={form}
        onStart={start}
        onDone={(result) => {
          setClock((c) => endCall(c, Date.now()));
          setOutcome(result);
          setForm((n) => n + 1);
        }}
      />
    </Stack>
  );
}
