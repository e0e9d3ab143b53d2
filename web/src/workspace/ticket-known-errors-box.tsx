import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useApplyWorkaround, useKnownErrors } from '../api/use-known-errors.js';
import { useCurrentUser } from '../api/use-session.js';
import { htmlToText } from '../components/canned-response-picker.js';
import { ErrorAlert } from '../components/error-alert.js';
import { KnownErrorCard } from '../components/known-error-card.js';
import { QueryState } from '../components/query-states.js';

/**
 * Known errors that fit an incident (its subject and description, its service), each with the
 * desk's workaround and "Apply as reply" / "Apply as note": the server posts it, links the incident
 * to the problem and counts the application, and the ticket then shows its problem.
 */
export function TicketKnownErrorsBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const linkedId = ticket.problems[0]?.id;
  const suggestions = useKnownErrors({
    text: `${ticket.subject} ${htmlToText(ticket.descriptionHtml)}`.trim().slice(0, 2000),
    serviceId: ticket.service?.id,
    limit: 5,
  });
  const apply = useApplyWorkaround();
  // Analysts read the known errors; applying one is work on the ticket.
  const canApply = rolesGrant(useCurrentUser().roles, 'problems.work');
  const closed = ticket.status === 'closed' || ticket.status === 'cancelled';

  const empty = (
    <Text size="sm" c="dimmed">
      {t('problems.desk.knownErrors.empty')}
    </Text>
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-known-errors">
      <Stack gap="xs">
        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="ticket-known-errors">
            {t('problems.desk.knownErrors.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('problems.desk.knownErrors.hint')}
          </Text>
        </div>
        <ErrorAlert error={apply.error} />
        <QueryState query={suggestions} idle={empty} empty={empty}>
          {(found) =>
            found.map((knownError) => {
              // An incident sits behind one problem: another problem's workaround would be refused.
              const blocked = closed || Boolean(linkedId && linkedId !== knownError.id);
              const pending = (as: 'reply' | 'note') =>
                apply.isPending && apply.variables?.problemId === knownError.id && apply.variables.as === as;
              const run = (as: 'reply' | 'note') => apply.mutate({ problemId: knownError.id, ticketId: ticket.id, as });
              return (
                <KnownErrorCard
                  key={knownError.id}
                  knownError={knownError}
                  wording="desk"
                  selected={linkedId === knownError.id}
                  action={
                    canApply ? (
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="light"
                          disabled={blocked || !knownError.workaroundPublicHtml}
                          loading={pending('reply')}
                          onClick={() => run('reply')}
                        >
                          {t('problems.desk.knownErrors.applyAsReply')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          disabled={blocked}
                          loading={pending('note')}
                          onClick={() => run('note')}
                        >
                          {t('problems.desk.knownErrors.applyAsNote')}
                        </Button>
                      </Group>
                    ) : null
                  }
                />
              );
            })
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
