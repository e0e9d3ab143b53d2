import { Alert, Stack } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyLanguage } from '../../../domain/surveys/questionnaire.js';
import { isApiError } from '../api/client.js';
import { AuthFrame, AuthHeading } from '../auth/auth-frame.js';
import { tokenFromFragment } from '../auth/reset-link.js';
import { type QueryLike, QueryState } from '../components/query-states.js';

/** What every survey opened by a mailed link reports about itself. */
export interface PublicSurveyState {
  state: 'pending' | 'answered' | 'expired';
  language: SurveyLanguage;
}

/**
 * The link's secret, read once from the fragment (so it never reaches a server log) and then
 * taken out of the address bar, where a shoulder or a shared screenshot could see it.
 */
export function useTokenFromFragment(): string {
  const [token] = useState(() => {
    const found = tokenFromFragment(window.location.hash) ?? '';
    if (found) window.history.replaceState(null, '', window.location.pathname);
    return found;
  });
  return token;
}

/** The page speaks the respondent's language from the start; the switch still changes it. */
export function useRespondentLanguage(language: SurveyLanguage | undefined): SurveyLanguage {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (language && !i18n.language.startsWith(language)) void i18n.changeLanguage(language);
  }, [language, i18n]);
  return i18n.language.startsWith('en') ? 'en' : 'es';
}

/** Where the page's texts live in the catalog: `<prefix>.title`, `.notFound`, `.thanks`, `.answered`, `.expired`. */
export type PublicSurveyTexts = 'surveys.page' | 'campaigns.survey';

/**
 * The frame of a survey answered by its mailed link, no account needed (the satisfaction survey
 * after a ticket, a campaign's questionnaire): the heading, what it is about, and either the
 * questions or a plain word on why there are none (already answered, closed, thanks for sending,
 * or a link that is not valid). Narrow enough for a phone; every state is announced.
 */
export function PublicSurveyShell<T extends PublicSurveyState>({
  token,
  query,
  sent,
  messages,
  about,
  children,
}: {
  token: string;
  query: QueryLike<T>;
  /** The answers went through. */
  sent: boolean;
  messages: PublicSurveyTexts;
  /** Under the title: who asks and about what. */
  about: (found: T) => ReactNode;
  /** The questions, while the survey waits for them. */
  children: (found: T, language: SurveyLanguage) => ReactNode;
}) {
  const language = useRespondentLanguage(query.data?.language);
  const { t } = useTranslation();
  const texts = {
    title: t(`${messages}.title`),
    notFound: t(`${messages}.notFound`),
    thanks: t(`${messages}.thanks`),
    answered: t(`${messages}.answered`),
    expired: t(`${messages}.expired`),
  };
  if (!token || (isApiError(query.error) && query.error.status === 404))
    return (
      <AuthFrame>
        <AuthHeading title={texts.title} />
        <Alert color="yellow" mt="md" role="alert">
          {texts.notFound}
        </Alert>
      </AuthFrame>
    );
  return (
    <AuthFrame wide>
      <QueryState query={query}>
        {(found) => (
          <Stack gap="lg">
            <div>
              <AuthHeading title={texts.title} />
              {about(found)}
            </div>
            {sent ? (
              <Alert color="green" role="status">
                {texts.thanks}
              </Alert>
            ) : found.state !== 'pending' ? (
              <Alert color={found.state === 'answered' ? 'green' : 'yellow'} role="status">
                {found.state === 'answered' ? texts.answered : texts.expired}
              </Alert>
            ) : (
              children(found, language)
            )}
          </Stack>
        )}
      </QueryState>
    </AuthFrame>
  );
}
