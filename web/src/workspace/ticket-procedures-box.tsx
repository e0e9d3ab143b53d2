import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../domain/contracts/tickets.js';
import { useApplyProcedure, useSuggestions } from '../api/use-procedures.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ProcedureCard } from '../components/procedure-card.js';
import { QueryState } from '../components/query-states.js';

/** Published procedures that fit the ticket (subject, service, category), each with "Apply". */
export function TicketProceduresBox({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions({
    text: ticket.subject,
    serviceId: ticket.service?.id,
    categoryId: ticket.category?.id,
    limit: 5,
  });
  const apply = useApplyProcedure();
  const [applied, setApplied] = useState<ReadonlySet<string>>(new Set());

  const handleApply = (procedureId: string) =>
    apply.mutate(
      { ticketId: ticket.id, procedureId },
      { onSuccess: () => setApplied((ids) => new Set([...ids, procedureId])) },
    );

  const noSuggestions = (
    <Text size="sm" c="dimmed">
      {t('procedures.box.empty')}
    </Text>
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="ticket-procedures">
      <Stack gap="xs">
        <div>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" id="ticket-procedures">
            {t('procedures.box.title')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('procedures.box.hint')}
          </Text>
        </div>
        <ErrorAlert error={apply.error} />
        <QueryState query={suggestions} idle={noSuggestions} empty={noSuggestions}>
          {(found) =>
            found.map(({ procedure, reasons }) => (
              <ProcedureCard
                key={procedure.id}
                procedure={procedure}
                reasons={reasons}
                selected={applied.has(procedure.id)}
                action={
                  applied.has(procedure.id) ? (
                    <Text size="xs" c="teal" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {t('procedures.box.applied')}
                    </Text>
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={apply.isPending && apply.variables?.procedureId === procedure.id}
                      onClick={() => handleApply(procedure.id)}
                    >
                      {t('procedures.box.apply')}
                    </Button>
                  )
                }
              />
            ))
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
