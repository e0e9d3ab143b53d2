import { Button, CloseButton, Group, Input, Paper, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, PRIORITY_NAMES } from '../../../../domain/tickets/priority.js';
import { TICKET_TYPES, type TicketType } from '../../../../domain/tickets/ticket-types.js';
import { PlusIcon } from '../../components/icons.js';
import { emptyTarget, MAX_TARGETS, type TargetDraft } from './agreement-form.js';
import { MinutesInput } from './minutes-input.js';

/**
 * The SLA targets: per priority (and optionally per ticket type) the first response, resolution
 * and update interval, in business minutes.
 */
export function SlaTargetsField({
  value,
  onChange,
  errorAt,
}: {
  value: TargetDraft[];
  onChange: (value: TargetDraft[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TargetDraft>) =>
    onChange(value.map((target, j) => (j === i ? { ...target, ...patch } : target)));
  const priorities = PRIORITIES.map((p) => ({
    value: String(p),
    label: `P${p} ${t(`tickets.priorities.${PRIORITY_NAMES[p]}`)}`,
  }));
  const types = TICKET_TYPES.map((type) => ({ value: type, label: t(`tickets.types.${type}`) }));
  const add = () => onChange([...value, emptyTarget(Math.min(4, (value.at(-1)?.priority ?? 0) + 1))]);
  const listError = errorAt('targets');

  return (
    <Input.Wrapper
      label={t('slaAdmin.agreements.targets')}
      description={t('slaAdmin.agreements.targetsHint')}
      error={listError}
      labelElement="div"
      inputWrapperOrder={['label', 'description', 'input', 'error']}
    >
      <Paper withBorder radius="md" mt={6}>
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing={6} fz="sm" aria-label={t('slaAdmin.agreements.targets')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('slaAdmin.agreements.priority')}</Table.Th>
                <Table.Th w={150}>{t('slaAdmin.agreements.type')}</Table.Th>
                <Table.Th>{t('slaAdmin.agreements.firstResponse')}</Table.Th>
                <Table.Th>{t('slaAdmin.agreements.resolution')}</Table.Th>
                <Table.Th>{t('slaAdmin.agreements.update')}</Table.Th>
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text size="sm" c="dimmed">
                      {t('slaAdmin.agreements.noTargets')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
              {value.map((target, i) => {
                const n = i + 1;
                const at = `targets.${i}`;
                return (
                  <Table.Tr key={target.key} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={t('slaAdmin.agreements.rowPriority', { n })}
                        data={priorities}
                        value={String(target.priority)}
                        onChange={(p) => p && set(i, { priority: Number(p) })}
                        allowDeselect={false}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={t('slaAdmin.agreements.rowType', { n })}
                        placeholder={t('slaAdmin.agreements.anyType')}
                        data={types}
                        value={target.type}
                        onChange={(type) => set(i, { type: type as TicketType | null })}
                        clearable
                        error={errorAt(at)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <MinutesInput
                        size="xs"
                        aria-label={t('slaAdmin.agreements.rowFirstResponse', { n })}
                        value={target.firstResponseMinutes}
                        onChange={(firstResponseMinutes) => set(i, { firstResponseMinutes })}
                        error={errorAt(`${at}.firstResponseMinutes`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <MinutesInput
                        size="xs"
                        aria-label={t('slaAdmin.agreements.rowResolution', { n })}
                        value={target.resolutionMinutes}
                        onChange={(resolutionMinutes) => set(i, { resolutionMinutes })}
                        error={errorAt(`${at}.resolutionMinutes`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <MinutesInput
                        size="xs"
                        aria-label={t('slaAdmin.agreements.rowUpdate', { n })}
                        placeholder={t('slaAdmin.agreements.noUpdate')}
                        value={target.updateMinutes}
                        onChange={(updateMinutes) => set(i, { updateMinutes })}
                        error={errorAt(`${at}.updateMinutes`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <CloseButton
                        size="sm"
                        mt={4}
                        aria-label={t('slaAdmin.agreements.removeTarget', { n })}
                        onClick={() => onChange(value.filter((_, j) => j !== i))}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Group mt={6}>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<PlusIcon size={14} />}
          onClick={add}
          disabled={value.length >= MAX_TARGETS}
        >
          {t('slaAdmin.agreements.addTarget')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
