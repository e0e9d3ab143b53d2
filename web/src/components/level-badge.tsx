import { Badge, type BadgeProps, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SupportLevel } from '../../../domain/support/support-levels.js';

export const LEVEL_COLORS: Record<SupportLevel, string> = { L1: 'teal', L2: 'violet', L3: 'orange' };

/** "L2" in the level's colour; the tooltip says what the level is. */
export function LevelBadge({ level, size }: { level: SupportLevel; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t(`support.levelNames.${level}`)}>
      <Badge variant="light" color={LEVEL_COLORS[level]} size={size} aria-label={t(`support.levelNames.${level}`)}>
        {t(`support.levels.${level}`)}
      </Badge>
    </Tooltip>
  );
}

/** A ticket's group with its level, or "No group". */
export function GroupLabel({
  group,
  level,
  size = 'sm',
}: {
  group: { name: string } | null;
  level: SupportLevel | null;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      {level ? <LevelBadge level={level} size={size} /> : null}
      <Text size={size} c={group ? undefined : 'dimmed'} truncate>
        {group?.name ?? t('support.noGroup')}
      </Text>
    </Group>
  );
}
