import { Alert, Button, Group, NumberInput, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateSettings } from '../../../domain/contracts/problem-jobs.js';
import { CLUSTER_SETTINGS_LIMITS as LIMITS } from '../../../domain/problems/incident-clusters.js';
import { useUpdateCandidateSettings } from '../api/use-problem-jobs.js';
import { ErrorAlert } from '../components/error-alert.js';

/** The candidates job's settings: editable by whoever manages problems, read-only for the rest. */
export function CandidateSettingsPanel({ settings, canManage }: { settings: CandidateSettings; canManage: boolean }) {
  const { t } = useTranslation();
  const save = useUpdateCandidateSettings();
  const [draft, setDraft] = useState(settings);
  useEffect(() => setDraft(settings), [settings]);
  const set = (field: keyof CandidateSettings) => (value: string | number) => {
    save.reset();
    setDraft((current) => ({ ...current, [field]: typeof value === 'number' ? value : Number(value) }));
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="candidate-settings-title">
      <Text id="candidate-settings-title" size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
        {t('problemScreens.candidates.settings.title')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(draft);
        }}
      >
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t('problemScreens.candidates.settings.windowDays')}
            min={LIMITS.windowDays.min}
            max={LIMITS.windowDays.max}
            allowDecimal={false}
            value={draft.windowDays}
            onChange={set('windowDays')}
            readOnly={!canManage}
            w={170}
          />
          <NumberInput
            label={t('problemScreens.candidates.settings.minIncidents')}
            min={LIMITS.minIncidents.min}
            max={LIMITS.minIncidents.max}
            allowDecimal={false}
            value={draft.minIncidents}
            onChange={set('minIncidents')}
            readOnly={!canManage}
            w={260}
          />
          <NumberInput
            label={t('problemScreens.candidates.settings.similarity')}
            min={LIMITS.similarity.min}
            max={LIMITS.similarity.max}
            step={0.05}
            decimalScale={2}
            value={draft.similarity}
            onChange={set('similarity')}
            readOnly={!canManage}
            w={190}
          />
          {canManage ? (
            <Button type="submit" variant="light" loading={save.isPending}>
              {t('problemScreens.candidates.settings.save')}
            </Button>
          ) : null}
        </Group>
      </form>
      <ErrorAlert error={save.error} />
      {save.isSuccess ? (
        <Alert color="teal" variant="light" mt="sm" role="status">
          {t('problemScreens.candidates.settings.saved')}
        </Alert>
      ) : null}
    </Paper>
  );
}
