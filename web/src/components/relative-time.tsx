import { Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useDateFormat } from '../i18n/format.js';

/** The current time, refreshed every minute, so "5 minutes ago" keeps telling the truth. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * "3 hours ago" ("3 hr. ago" when `short`, for dense columns); hovering (or focusing) shows the
 * full date and time in the viewer's zone.
 */
export function RelativeTime({ value, short = false }: { value: string; short?: boolean }) {
  const format = useDateFormat();
  const now = useNow();
  return (
    <Tooltip label={format.full(value)} openDelay={300}>
      <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
        {format.relative(value, now, short)}
      </time>
    </Tooltip>
  );
}
