import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Choice,
  type Question,
  type QuestionKind,
  SURVEY_DIMENSIONS,
  type SurveyDimension,
} from '../../../domain/surveys/questionnaire.js';
import { PlusIcon } from '../components/icons.js';
import {
  freshId,
  hasOptions,
  isScaled,
  TICKET_QUESTION_KINDS,
  withDimension,
  withHelp,
  withKind,
  withNotApplicable,
} from './survey-draft.js';

/** The survey after a ticket stays short, options too; a campaign's questionnaire passes the server's cap. */
const TICKET_SURVEY_MAX_OPTIONS = 8;

/**
 * One question of the survey after a ticket: its text in Spanish and English, its kind, whether
 * it must be answered, a choice's options, and buttons to move or remove it (no dragging needed).
 */
export function SurveyQuestionEditor({
  question,
  index,
  count,
  path,
  readOnly,
  errorOf,
  onChange,
  onMove,
  onRemove,
  kinds = TICKET_QUESTION_KINDS,
  maxOptions = TICKET_SURVEY_MAX_OPTIONS,
  children,
}: {
  question: Question;
  index: number;
  count: number;
  /** Where the server names this question's fields: questionnaire.sections.0.questions.i (dots, as every field error). */
  path: string;
  readOnly: boolean;
  errorOf: (path: string) => string | undefined;
  onChange: (question: Question) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The kinds offered: the short survey's four unless a campaign questionnaire offers them all. */
  kinds?: readonly QuestionKind[];
  /** How many options or matrix items a question may have. */
  maxOptions?: number;
  /** More fields at the end of the question (a campaign's condition, its section). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const number = index + 1;
  const kind = kinds.includes(question.kind) ? question.kind : null;
  const options = question.options ?? [];
  const setOption = (at: number, choice: Choice) =>
    onChange({ ...question, options: options.map((o, i) => (i === at ? choice : o)) });

  return (
    <Paper withBorder radius="md" p="md" component="fieldset" aria-label={t('surveys.settings.questionN', { number })}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={600} size="sm">
            {t('surveys.settings.questionN', { number })}
          </Text>
          {readOnly ? null : (
            <Group gap={4}>
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={index === 0}
                onClick={() => onMove(index - 1)}
                aria-label={t('surveys.settings.moveUp', { number })}
              >
                ↑
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                disabled={index === count - 1}
                onClick={() => onMove(index + 1)}
                aria-label={t('surveys.settings.moveDown', { number })}
              >
                ↓
              </Button>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={count === 1}
                onClick={onRemove}
                aria-label={t('surveys.settings.remove', { number })}
              >
                {t('surveys.settings.removeShort')}
              </Button>
            </Group>
          )}
        </Group>
        <TextInput
          label={t('surveys.settings.textEs')}
          value={question.text.es}
          readOnly={readOnly}
          maxLength={500}
          onChange={(e) => onChange({ ...question, text: { ...question.text, es: e.currentTarget.value } })}
          error={errorOf(`${path}.text.es`)}
        />
        <TextInput
          label={t('surveys.settings.textEn')}
          lang="en"
          value={question.text.en}
          readOnly={readOnly}
          maxLength={500}
          onChange={(e) => onChange({ ...question, text: { ...question.text, en: e.currentTarget.value } })}
          error={errorOf(`${path}.text.en`)}
        />
        <Group gap="md" align="flex-end">
          <Select
            label={t('surveys.settings.kind')}
            w={220}
            data={kinds.map((k) => ({ value: k, label: t(`surveys.settings.kinds.${k}`) }))}
            value={kind}
            placeholder={t(`surveys.settings.kinds.other`)}
            allowDeselect={false}
            readOnly={readOnly}
            onChange={(value) => value && onChange(withKind(question, value as QuestionKind))}
            error={errorOf(`${path}.kind`)}
          />
          <Checkbox
            label={t('surveys.settings.required')}
            checked={question.required}
            disabled={readOnly}
            onChange={(e) => onChange({ ...question, required: e.currentTarget.checked })}
            mb={8}
          />
        </Group>
        <TextInput
          label={t('surveys.settings.helpEs')}
          value={question.help?.es ?? ''}
          readOnly={readOnly}
          maxLength={500}
          onChange={(e) => onChange(withHelp(question, 'es', e.currentTarget.value))}
          error={errorOf(`${path}.help.es`)}
        />
        <TextInput
          label={t('surveys.settings.helpEn')}
          lang="en"
          value={question.help?.en ?? ''}
          readOnly={readOnly}
          maxLength={500}
          onChange={(e) => onChange(withHelp(question, 'en', e.currentTarget.value))}
          error={errorOf(`${path}.help.en`)}
        />
        {isScaled(question.kind) ? (
          <Group gap="md" align="flex-start">
            {/* A native select: one per rating in a long questionnaire, it stays light and plainly keyboard-usable. */}
            <NativeSelect
              label={t('surveys.settings.dimension')}
              description={t('surveys.settings.dimensionHint')}
              w={260}
              data={[
                { value: '', label: t('surveys.settings.dimensionNone') },
                ...SURVEY_DIMENSIONS.map((d) => ({ value: d, label: t(`surveys.settings.dimensions.${d}`) })),
              ]}
              value={question.dimension ?? ''}
              disabled={readOnly}
              onChange={(e) =>
                onChange(withDimension(question, (e.currentTarget.value || null) as SurveyDimension | null))
              }
              error={errorOf(`${path}.dimension`)}
            />
            <Switch
              label={t('surveys.settings.notApplicable')}
              description={t('surveys.settings.notApplicableHint')}
              checked={question.notApplicable === true}
              disabled={readOnly}
              onChange={(e) => onChange(withNotApplicable(question, e.currentTarget.checked))}
              error={errorOf(`${path}.notApplicable`)}
              maw={320}
              mt={4}
            />
          </Group>
        ) : null}
        {hasOptions(question.kind) ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {question.kind === 'matrix' ? t('surveys.settings.items') : t('surveys.settings.options')}{' '}
              <Text span size="xs" c="dimmed" fw={400}>
                {t('surveys.settings.optionsCap', { max: maxOptions })}
              </Text>
            </Text>
            {errorOf(`${path}.options`) ? (
              <Text size="xs" c="red.8" role="alert">
                {errorOf(`${path}.options`)}
              </Text>
            ) : null}
            {options.map((option, at) => (
              <SimpleGrid key={option.id} cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  size="xs"
                  label={t('surveys.settings.optionEs', { number: at + 1 })}
                  value={option.label.es}
                  readOnly={readOnly}
                  maxLength={500}
                  onChange={(e) => setOption(at, { ...option, label: { ...option.label, es: e.currentTarget.value } })}
                  error={errorOf(`${path}.options.${at}.label.es`)}
                />
                <TextInput
                  size="xs"
                  lang="en"
                  label={t('surveys.settings.optionEn', { number: at + 1 })}
                  value={option.label.en}
                  readOnly={readOnly}
                  maxLength={500}
                  onChange={(e) => setOption(at, { ...option, label: { ...option.label, en: e.currentTarget.value } })}
                  error={errorOf(`${path}.options.${at}.label.en`)}
                />
              </SimpleGrid>
            ))}
            {readOnly ? null : (
              <Group gap="xs">
                <Button
                  size="compact-xs"
                  variant="light"
                  leftSection={<PlusIcon size={12} />}
                  disabled={options.length >= maxOptions}
                  onClick={() =>
                    onChange({
                      ...question,
                      options: [
                        ...options,
                        {
                          id: freshId(
                            'o',
                            options.map((o) => o.id),
                          ),
                          label: { es: '', en: '' },
                        },
                      ],
                    })
                  }
                >
                  {t('surveys.settings.addOption')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  disabled={options.length <= 2}
                  onClick={() => onChange({ ...question, options: options.slice(0, -1) })}
                >
                  {t('surveys.settings.removeOption')}
                </Button>
              </Group>
            )}
          </Stack>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

/** The field paths this editor shows, so an error list above the form names only the others. */
export function questionPaths(question: Question, path: string): string[] {
  return [
    `${path}.text.es`,
    `${path}.text.en`,
    `${path}.kind`,
    `${path}.help.es`,
    `${path}.help.en`,
    ...(isScaled(question.kind) ? [`${path}.dimension`, `${path}.notApplicable`] : []),
    ...(hasOptions(question.kind)
      ? [
          `${path}.options`,
          ...(question.options ?? []).flatMap((_, at) => [
            `${path}.options.${at}.label.es`,
            `${path}.options.${at}.label.en`,
          ]),
        ]
      : []),
  ];
}
