import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../domain/roles.js';

export function StatusBadge({ status }: { status: 'active' | 'inactive' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'active' ? 'teal' : 'gray'}>
      {t(`status.${status}`)}
    </Badge>
  );
}

const ROLE_COLORS: Record<Role, string> = {
  requester: 'gray',
  client_manager: 'teal',
  agent: 'blue',
  specialist: 'indigo',
  supervisor: 'violet',
  analyst: 'cyan',
  admin: 'orange',
};

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((role) => (
        <Badge key={role} size="sm" variant="light" color={ROLE_COLORS[role]}>
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
