import { Group, Paper, SegmentedControl, Title } from '@mantine/core';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuestionnaireDocument, SurveyLanguage } from '../../../domain/surveys/questionnaire.js';
import { QuestionnaireForm } from './questionnaire-form.js';

/** A phone's width, framed: how most respondents open the mailed link. */
const PHONE: CSSProperties = {
  maxWidth: 375,
  margin: '0 auto',
  padding: 'var(--mantine-spacing-sm)',
  border: '1px solid var(--mantine-color-gray-4)',
  borderRadius: 'var(--mantine-radius-lg)',
};

/**
 * A questionnaire as respondents will see it, in either language, beside the editors that shape it
 * (an agreement's survey after each ticket, a campaign questionnaire) and on the client's review.
 */
export function QuestionnairePreview({
  document,
  title,
  titleId,
  style,
}: {
  document: QuestionnaireDocument;
  title: string;
  titleId: string;
  style?: CSSProperties;
}) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<SurveyLanguage>(i18n.language.startsWith('en') ? 'en' : 'es');
  const [device, setDevice] = useState<'desktop' | 'phone'>('desktop');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} style={style}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h5" id={titleId}>
          {title}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={t('surveys.settings.previewDevice')}
          value={device}
          onChange={(value) => setDevice(value as 'desktop' | 'phone')}
          data={[
            { value: 'desktop', label: t('surveys.settings.devices.desktop') },
            { value: 'phone', label: t('surveys.settings.devices.phone') },
          ]}
        />
        <SegmentedControl
          size="xs"
          aria-label={t('surveys.settings.previewLanguage')}
          value={language}
          onChange={(value) => setLanguage(value as SurveyLanguage)}
          data={[
            { value: 'es', label: t('surveys.settings.languages.es') },
            { value: 'en', label: t('surveys.settings.languages.en') },
          ]}
        />
      </Group>
      <div lang={language} style={device === 'phone' ? PHONE : undefined}>
        <QuestionnaireForm document={document} language={language} />
      </div>
    </Paper>
  );
}
