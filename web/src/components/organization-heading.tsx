import { Badge, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../domain/contracts/organizations.js';
import { StatusBadge } from './badges.js';

/** The organization's name as the heading of its page (level 2) or of a panel within one (level 3). */
export function OrganizationHeading({ organization, order = 2 }: { organization: Organization; order?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Title order={order} size="h4">
        {organization.name}
      </Title>
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
