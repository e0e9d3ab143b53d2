import { Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const pad = (n: number) => String(n).padStart(2, '0');

/** mm:ss (h:mm:ss past an hour) since the call started; a duration, so no time zone applies. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** The running length of the call in progress, counted from `startedAt` (ms). */
export function CallTimer({ startedAt }: { startedAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  // A new call may start between ticks; never show a negative or stale length.
  const seconds = Math.max(0, Math.floor((Math.max(now, startedAt) - startedAt) / 1000));
  return (
    <Group gap={6} wrap="nowrap" aria-label={t('phone.timer')} role="timer">
      <Text span c="red.6" fz="xs" aria-hidden>
        ●
      </Text>
      <Text ff="monospace" fw={700} size="lg" aria-live="off">
        {formatDuration(seconds)}
      </Text>
    </Group>
  );
}
