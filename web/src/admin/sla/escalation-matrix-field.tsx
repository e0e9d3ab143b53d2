import {
  Badge,
  Button,
  Chip,
  CloseButton,
  Group,
  Input,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ESCALATION_RECIPIENTS, SLA_TARGETS } from '../../../../domain/contracts/sla.js';
import { PlusIcon } from '../../components/icons.js';
import {
  type EscalationDraft,
  emptyEscalation,
  MAX_ESCALATIONS,
  type Recipient,
  type SlaTarget,
  suggestedEscalations,
} from './agreement-form.js';
import { EscalationPeopleField } from './escalation-people-field.js';
import { EscalationSentence } from './escalation-sentence.js';
import { MinutesInput } from './minutes-input.js';

/**
 * The hierarchical escalation matrix: levels that fire once per ticket at a share of a target
 * (100 % is the breach), optionally some business minutes later, telling people and escalating.
 */
export function EscalationMatrixField({
  value,
  onChange,
  errorAt,
}: {
  value: EscalationDraft[];
  onChange: (value: EscalationDraft[]) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<EscalationDraft>) =>
    onChange(value.map((level, j) => (j === i ? { ...level, ...patch } : level)));
  return (
    <Stack gap={6}>
      <div>
        <Input.Label>{t('slaAdmin.escalations.title')}</Input.Label>
        <Input.Description>{t('slaAdmin.escalations.hint')}</Input.Description>
      </div>
      {value.length === 0 ? (
        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('slaAdmin.escalations.empty')}
            </Text>
            <Button size="compact-sm" variant="default" onClick={() => onChange(suggestedEscalations())}>
              {t('slaAdmin.escalations.useSuggested')}
            </Button>
          </Group>
        </Paper>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((level, i) => (
            <LevelRow
              key={level.key}
              n={i + 1}
              level={level}
              onChange={(patch) => set(i, patch)}
              onRemove={() => onChange(value.filter((_, j) => j !== i))}
              errorAt={(field) => errorAt(field ? `escalations.${i}.${field}` : `escalations.${i}`)}
            />
          ))}
        </Stack>
      )}
      <Group>
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<PlusIcon size={14} />}
          onClick={() => onChange([...value, emptyEscalation()])}
          disabled={value.length >= MAX_ESCALATIONS}
        >
          {t('slaAdmin.escalations.add')}
        </Button>
      </Group>
    </Stack>
  );
}

function LevelRow({
  n,
  level,
  onChange,
  onRemove,
  errorAt,
}: {
  n: number;
  level: EscalationDraft;
  onChange: (patch: Partial<EscalationDraft>) => void;
  onRemove: () => void;
  errorAt: (field?: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const rowError = errorAt() ?? errorAt('notify') ?? errorAt('userIds');
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={t('slaAdmin.escalations.levelN', { n })}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="light" radius="sm" style={{ flex: 'none' }}>
              {t('slaAdmin.escalations.levelN', { n })}
            </Badge>
            <Text size="sm" fw={500}>
              <EscalationSentence level={level} />
            </Text>
          </Group>
          <CloseButton size="sm" aria-label={t('slaAdmin.escalations.remove', { n })} onClick={onRemove} />
        </Group>
        <Group gap="sm" align="flex-start">
          <NumberInput
            size="xs"
            w={120}
            label={t('slaAdmin.escalations.percent')}
            description={t('slaAdmin.escalations.percentHint')}
            min={1}
            max={100}
            step={5}
            suffix=" %"
            allowDecimal={false}
            allowNegative={false}
            value={level.percent}
            onChange={(percent) => onChange({ percent: typeof percent === 'number' ? percent : '' })}
            error={errorAt('percent')}
          />
          <Select
            size="xs"
            w={170}
            label={t('slaAdmin.escalations.target')}
            description={t('slaAdmin.escalations.targetHint')}
            data={SLA_TARGETS.map((value) => ({ value, label: t(`slaAdmin.escalations.targets.${value}`) }))}
            value={level.target}
            onChange={(target) => target && onChange({ target: target as SlaTarget })}
            allowDeselect={false}
          />
          <MinutesInput
            size="xs"
            w={150}
            label={t('slaAdmin.escalations.after')}
            description={t('slaAdmin.escalations.afterHint')}
            value={level.afterMinutes}
            onChange={(afterMinutes) => onChange({ afterMinutes })}
            error={errorAt('afterMinutes')}
          />
        </Group>
        <Group gap="xs" role="group" aria-label={t('slaAdmin.escalations.notify')}>
          <Text size="sm" fw={500}>
            {t('slaAdmin.escalations.notify')}
          </Text>
          <Chip.Group multiple value={level.notify} onChange={(notify) => onChange({ notify: notify as Recipient[] })}>
            {ESCALATION_RECIPIENTS.map((recipient) => (
              <Chip key={recipient} value={recipient} size="xs" variant="outline">
                {t(`slaAdmin.escalations.recipients.${recipient}`)}
              </Chip>
            ))}
          </Chip.Group>
        </Group>
        <EscalationPeopleField
          label={t('slaAdmin.escalations.people')}
          value={level.userIds}
          onChange={(userIds) => onChange({ userIds })}
        />
        <Switch
          size="sm"
          label={t('slaAdmin.escalations.escalate')}
          description={t('slaAdmin.escalations.escalateHint')}
          checked={level.escalate}
          onChange={(event) => onChange({ escalate: event.currentTarget.checked })}
        />
        {rowError ? (
          <Text size="xs" c="red" role="alert">
            {rowError}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
