import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.js';
import { useAnswerByLink, usePublicSurvey } from '../api/use-surveys.js';
import { AuthFrame, AuthHeading } from '../auth/auth-frame.js';
import { tokenFromFragment } from '../auth/reset-link.js';
import { QueryState } from '../components/query-states.js';
import { QuestionnaireForm } from './questionnaire-form.js';

/**
 * What the survey link in a resolution mail opens, no account needed: the ticket it asks about and
 * its questions, in the requester's language (switchable), on a phone as well as a desk. The link's
 * secret is in the fragment, so it never reaches a server log; it is taken out of the address bar.
 */
export function SurveyLinkPage() {
  const { t, i18n } = useTranslation();
  const [token] = useState(() => {
    const found = tokenFromFragment(window.location.hash) ?? '';
    if (found) window.history.replaceState(null, '', window.location.pathname);
    return found;
  });
  const survey = usePublicSurvey(token);
  const answer = useAnswerByLink(token);
  const language = survey.data?.language;
  // The page speaks the requester's language from the start; the switch still changes it.
  useEffect(() => {
    if (language && !i18n.language.startsWith(language)) void i18n.changeLanguage(language);
  }, [language, i18n]);
  const current = i18n.language.startsWith('en') ? 'en' : 'es';

  if (!token || (isApiError(survey.error) && survey.error.status === 404))
    return (
      <AuthFrame>
        <AuthHeading title={t('surveys.page.title')} />
        <Alert color="yellow" mt="md">
          {t('surveys.page.notFound')}
        </Alert>
      </AuthFrame>
    );
  return (
    <AuthFrame wide>
      <QueryState query={survey}>
        {(found) => (
          <Stack gap="lg">
            <AuthHeading
              title={t('surveys.page.title')}
              intro={t('surveys.page.about', { number: found.ticketNumber, subject: found.subject })}
            />
            {answer.isSuccess ? (
              <Alert color="green" role="status">
                {t('surveys.page.thanks')}
              </Alert>
            ) : found.state !== 'pending' ? (
              <Alert color={found.state === 'answered' ? 'green' : 'yellow'} role="status">
                {t(found.state === 'answered' ? 'surveys.page.answered' : 'surveys.page.expired')}
              </Alert>
            ) : (
              <>
                <Text size="sm">{t('surveys.page.intro')}</Text>
                <QuestionnaireForm
                  document={found.questionnaire}
                  language={current}
                  onSubmit={(answers) => answer.mutate(answers)}
                  submitting={answer.isPending}
                  error={answer.error}
                />
              </>
            )}
          </Stack>
        )}
      </QueryState>
    </AuthFrame>
  );
}
