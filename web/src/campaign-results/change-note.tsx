import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ResultChange } from '../../../domain/contracts/campaign-results.js';
import { changeText } from './format.js';

const TONE_COLOR = { up: 'teal.9', down: 'red.9', muted: 'dimmed' } as const;

/**
 * A change against the previous campaign: an arrow only when flagged, otherwise muted as "not
 * significant". The p-value waits in a tooltip that a keyboard reaches too (the text is focusable).
 */
export function ChangeNote({ change, size = 'sm' }: { change: ResultChange | null; size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const text = changeText(change, t, i18n.language);
  if (!text) return null;
  return (
    <Tooltip label={text.pValue} events={{ hover: true, focus: true, touch: true }} withArrow>
      <Text
        component="span"
        size={size}
        c={TONE_COLOR[text.tone]}
        fw={text.tone === 'muted' ? 400 : 600}
        tabIndex={0}
        aria-label={text.label}
        data-change={text.tone}
        style={{ whiteSpace: 'nowrap' }}
      >
        {text.text}
      </Text>
    </Tooltip>
  );
}
