import { Alert, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useServices } from '../api/use-organizations.js';
import { useCurrentUser } from '../api/use-session.js';
import { EmptyMessage, ErrorState, LoadingState } from '../components/query-states.js';

/** "Levanta tu ticket": the requester's home. Raising tickets online arrives later; until then, say how to reach us. */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const firstName = me.name.trim().split(/\s+/)[0] ?? me.name;

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Text c="dimmed" size="sm" tt="uppercase" fw={700}>
          {t('portal.kicker')}
        </Text>
        <Title order={2}>{t('portal.welcome', { name: firstName })}</Title>
        {me.organizationName ? (
          <Text size="lg" mt={4}>
            {t('portal.organizationLine', { organization: me.organizationName })}
          </Text>
        ) : null}
      </div>

      <Alert variant="light" color="blue" title={t('portal.comingTitle')}>
        <Stack gap="xs">
          <Text size="sm">{t('portal.comingBody')}</Text>
          <Text size="sm" fw={600}>
            {t('portal.meanwhileTitle')}
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('portal.meanwhileContact')}</List.Item>
            <List.Item>{t('portal.meanwhileMention', { organization: me.organizationName ?? '—' })}</List.Item>
            <List.Item>{t('portal.meanwhileDescribe')}</List.Item>
          </List>
        </Stack>
      </Alert>

      <section aria-labelledby="portal-services">
        <Title order={3} size="h4" id="portal-services" mb={4}>
          {t('portal.servicesTitle')}
        </Title>
        <Text c="dimmed" size="sm" mb="sm">
          {t('portal.servicesHint')}
        </Text>
        <PortalServices organizationId={me.organizationId} />
      </section>
    </Stack>
  );
}

function PortalServices({ organizationId }: { organizationId: string | null }) {
  const { t } = useTranslation();
  const services = useServices(organizationId);
  if (!organizationId) return <EmptyMessage title={t('portal.noOrganization')} />;
  if (services.isPending) return <LoadingState />;
  if (services.isError) return <ErrorState error={services.error} onRetry={() => void services.refetch()} />;
  const active = services.data.filter((service) => service.status === 'active');
  if (active.length === 0) return <EmptyMessage title={t('portal.noServices')} />;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      {active.map((service) => (
        <Card key={service.id} withBorder padding="md" radius="md">
          <Stack gap={4}>
            <Text fw={600}>{service.name}</Text>
            {service.description ? (
              <Text size="sm" c="dimmed">
                {service.description}
              </Text>
            ) : null}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
