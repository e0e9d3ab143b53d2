import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES } from '../../../domain/tickets/ticket-lifecycle.js';
import { useCurrentUser } from '../api/use-session.js';
import { useTicketList } from '../api/use-tickets.js';
import { EmptyMessage, QueryState } from '../components/query-states.js';
import { RouterAnchor } from '../components/router-link.js';
import { NewTicketForm } from './new-ticket-form.js';
import { RequesterTicketList } from './requester-ticket-list.js';

/** "Levanta tu ticket": the requester's home. Raise a ticket; see the ones still open. */
export function PortalPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const firstName = me.name.trim().split(/\s+/)[0] ?? me.name;

  return (
    <Stack gap="lg">
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
      {me.organizationId ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <section aria-labelledby="portal-new-ticket">
              <Title order={3} size="h4" id="portal-new-ticket" mb={4}>
                {t('portal.newTicketTitle')}
              </Title>
              <Text c="dimmed" size="sm" mb="sm">
                {t('portal.newTicketHint')}
              </Text>
              <NewTicketForm />
            </section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <OpenTickets />
          </Grid.Col>
        </Grid>
      ) : (
        <Paper withBorder radius="md">
          <EmptyMessage title={t('portal.noOrganization')} />
        </Paper>
      )}
    </Stack>
  );
}

/** The requester's tickets still in the desk's hands (or waiting for their confirmation). */
function OpenTickets() {
  const { t } = useTranslation();
  const list = useTicketList({ status: [...OPEN_STATUSES, 'resolved'], sort: 'updated' }, { limit: 5 });
  const tickets = list.data?.pages[0]?.items ?? [];
  return (
    <section aria-labelledby="portal-open-tickets">
      <Title order={3} size="h4" id="portal-open-tickets" mb="sm">
        {t('portal.openTicketsTitle')}
      </Title>
      <QueryState
        query={list}
        empty={
          <Paper withBorder radius="md">
            <EmptyMessage title={t('portal.noOpenTickets')} />
          </Paper>
        }
      >
        {() => <RequesterTicketList tickets={tickets} />}
      </QueryState>
      <RouterAnchor to="/portal/tickets" size="sm" mt="sm" display="inline-block">
        {t('portal.allMyTickets')}
      </RouterAnchor>
    </section>
  );
}
