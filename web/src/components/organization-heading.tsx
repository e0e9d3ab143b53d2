import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../domain/contracts/organizations.js';
import { StatusBadge } from './badges.js';

export function OrganizationHeading({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text fw={700} size="lg">
        {organization.name}
      </Text>
      <Badge variant="outline" color="gray">
        {organization.code}
      </Badge>
      <StatusBadge status={organization.status} />
      {organization.requestersSeeAllTickets ? (
        <Badge variant="light" color="grape">
          {t('organizations.sharedTickets')}
        </Badge>
      ) : null}
    </Group>
  );
}
