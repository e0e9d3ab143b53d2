import { Alert, List, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemSummary } from '../../../domain/contracts/problems.js';
import type { TicketSummary } from '../../../domain/contracts/tickets.js';
import { isApiError } from '../api/client.js';
import { useLinkIncidents, useProblemSearch } from '../api/use-known-errors.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { useErrorText } from '../i18n/error-messages.js';

/**
 * Links the ticked incidents to one problem, all or none: when the server refuses some, nothing is
 * linked and each refused ticket is listed with the server's reason (`ticketIds[i]`), in the reader's words.
 */
export function BulkLinkProblem({
  opened,
  selected,
  onClose,
  onLinked,
}: {
  opened: boolean;
  selected: readonly TicketSummary[];
  onClose: () => void;
  onLinked: (problem: ProblemSummary) => void;
}) {
  const { t } = useTranslation();
  const { fieldText } = useErrorText();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 300);
  const found = useProblemSearch(opened ? debounced : '');
  const [chosen, setChosen] = useState<ProblemSummary | null>(null);
  const [missing, setMissing] = useState(false);
  const link = useLinkIncidents();
  const count = selected.length;

  const refused = isApiError(link.error)
    ? link.error.errors.flatMap((e) => {
        const index = /^ticketIds\[(\d+)\]$/.exec(e.field)?.[1];
        if (index === undefined) return [];
        const ticket = selected[Number(index)];
        return [{ id: ticket?.id ?? e.field, number: ticket?.number ?? e.field, message: fieldText(e).text }];
      })
    : [];

  const close = () => {
    link.reset();
    setMissing(false);
    setChosen(null);
    setQuery('');
    onClose();
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!chosen);
    if (!chosen) return;
    link.mutate(
      { problemId: chosen.id, ticketIds: selected.map((ticket) => ticket.id) },
      {
        onSuccess: () => {
          onLinked(chosen);
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('problems.desk.bulk.title', { count })} centered>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          {refused.length > 0 ? (
            <Alert color="red" variant="light" title={t('problems.desk.bulk.refused')} role="alert">
              <List size="sm">
                {refused.map((item) => (
                  <List.Item key={item.id}>{item.message}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            <ErrorAlert error={link.error} />
          )}
          <Text size="xs" c="dimmed">
            {t('problems.desk.bulk.hint')}
          </Text>
          <TextInput
            label={t('problems.desk.linked.search')}
            placeholder={t('problems.desk.linked.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            data-autofocus
          />
          <Radio.Group
            label={t('problems.desk.bulk.needProblem')}
            value={chosen?.id ?? null}
            onChange={(id) => setChosen(found.data?.find((p) => p.id === id) ?? null)}
            error={missing && !chosen ? t('errors.fields.required') : undefined}
          >
            <Stack gap={6} mt={4}>
              {debounced.trim() && found.data?.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('problems.desk.linked.noMatch')}
                </Text>
              ) : null}
              {found.data?.map((problem) => (
                <Radio
                  key={problem.id}
                  value={problem.id}
                  label={`${problem.number} · ${problem.subject}`}
                  description={t(`problems.statuses.${problem.status}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <ModalFooter submitLabel={t('problems.desk.bulk.submit')} onCancel={close} loading={link.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
