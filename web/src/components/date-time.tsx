import { Tooltip } from '@mantine/core';
import { useDateFormat } from '../i18n/format.js';

/** An instant in the viewer's time zone; hovering shows the full date with the zone. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const format = useDateFormat();
  return (
    <Tooltip label={format.full(value)} openDelay={400}>
      <time dateTime={value} style={{ whiteSpace: 'nowrap' }}>
        {dateOnly ? format.date(value) : format.dateTime(value)}
      </time>
    </Tooltip>
  );
}
