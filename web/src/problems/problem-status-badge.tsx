import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProblemStatus } from '../../../domain/problems/problem-lifecycle.js';

const COLORS: Record<ProblemStatus, string> = {
  new: 'blue',
  investigating: 'violet',
  known_error: 'orange',
  resolved: 'teal',
  closed: 'gray',
  cancelled: 'gray',
};

export function ProblemStatusBadge({ status, size }: { status: ProblemStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} size={size}>
      {t(`problems.statuses.${status}`)}
    </Badge>
  );
}
