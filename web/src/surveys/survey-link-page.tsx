import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAnswerByLink, usePublicSurvey } from '../api/use-surveys.js';
import { PublicSurveyShell, useTokenFromFragment } from './public-survey-shell.js';
import { QuestionnaireForm } from './questionnaire-form.js';

/**
 * What the survey link in a resolution mail opens, no account needed: the ticket it asks about and
 * its questions, in the requester's language (switchable), on a phone as well as a desk.
 */
export function SurveyLinkPage() {
  const { t } = useTranslation();
  const token = useTokenFromFragment();
  const survey = usePublicSurvey(token);
  const answer = useAnswerByLink(token);
  return (
    <PublicSurveyShell
      token={token}
      query={survey}
      sent={answer.isSuccess}
      messages="surveys.page"
      about={(found) => (
        <Text c="dimmed" size="sm">
          {t('surveys.page.about', { number: found.ticketNumber, subject: found.subject })}
        </Text>
      )}
    >
      {(found, language) => (
        <>
          <Text size="sm">{t('surveys.page.intro')}</Text>
          <QuestionnaireForm
            document={found.questionnaire}
            language={language}
            onSubmit={(answers) => answer.mutate(answers)}
            submitting={answer.isPending}
            error={answer.error}
          />
        </>
      )}
    </PublicSurveyShell>
  );
}
