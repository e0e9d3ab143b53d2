import { Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallClock, callSeconds, callState } from './call-clock.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** mm:ss (h:mm:ss past an hour) since the call started; a duration, so no time zone applies. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** The call's length: ticking while it runs, frozen once it ended, 00:00 with no call. */
export function CallTimer({ clock }: { clock: CallClock }) {
  const { t } = useTranslation();
  const state = callState(clock);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state !== 'running') return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [state]);
  return (
    <Group gap={6} wrap="nowrap" role="timer" aria-label={t('phone.timer')} data-state={state}>
      <Text size="xs" c="dimmed">
        {t(`phone.clock.${state}`)}
      </Text>
      {state === 'running' ? (
        <Text span c="red.8" fz="xs" aria-hidden>
          ●
        </Text>
      ) : null}
      <Text ff="monospace" fw={700} size="lg" aria-live="off">
        {formatDuration(callSeconds(clock, now))}
      </Text>
    </Group>
  );
}
