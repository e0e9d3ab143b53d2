import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcedureAudience, ProcedureStatus } from '../../../domain/support/procedures.js';

const STATUS_COLORS: Record<ProcedureStatus, string> = {
  draft: 'gray',
  in_review: 'yellow',
  published: 'teal',
  retired: 'dark',
};

export function ProcedureStatusBadge({ status, size }: { status: ProcedureStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size={size}>
      {t(`procedures.statuses.${status}`)}
    </Badge>
  );
}

export function AudienceBadge({ audience, size }: { audience: ProcedureAudience; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="outline"
      color={audience === 'requesters' ? 'blue' : audience === 'L2' ? 'violet' : 'teal'}
      size={size}
    >
      {t(`procedures.audiences.${audience}`)}
    </Badge>
  );
}
