import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAnswerCampaignByLink, usePublicCampaignSurvey } from '../api/use-campaigns.js';
import { useDateFormat } from '../i18n/format.js';
import { PublicSurveyShell, useTokenFromFragment } from '../surveys/public-survey-shell.js';
import { QuestionnaireForm } from '../surveys/questionnaire-form.js';

/**
 * What a campaign's mailed link opens, no account needed: who asks (the organization and the
 * campaign), whether the answers are anonymous, and the frozen questionnaire in the respondent's
 * language (switchable). Already answered, closed and sent each get a plain page of their own.
 */
export function CampaignSurveyPage() {
  const { t } = useTranslation();
  const format = useDateFormat();
  const token = useTokenFromFragment();
  const survey = usePublicCampaignSurvey(token);
  const answer = useAnswerCampaignByLink(token);
  return (
    <PublicSurveyShell
      token={token}
      query={survey}
      sent={answer.isSuccess}
      messages="campaigns.survey"
      about={(found) => (
        <Text size="sm" c="dimmed">
          {t('campaigns.survey.from', { organization: found.organizationName, campaign: found.campaignName })}
        </Text>
      )}
    >
      {(found, language) => (
        <Stack gap="lg">
          <Alert color={found.anonymous ? 'teal' : 'blue'} variant="light">
            <Text size="sm">{found.anonymous ? t('campaigns.survey.anonymous') : t('campaigns.survey.named')}</Text>
            <Text size="sm" mt={4}>
              {t('campaigns.survey.openUntil', { date: format.dateTime(found.expiresAt) })}
            </Text>
          </Alert>
          <QuestionnaireForm
            document={found.questionnaire}
            language={language}
            onSubmit={(answers) => answer.mutate(answers)}
            submitting={answer.isPending}
            error={answer.error}
          />
        </Stack>
      )}
    </PublicSurveyShell>
  );
}
