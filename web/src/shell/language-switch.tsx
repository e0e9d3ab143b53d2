import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateMe } from '../api/use-session.js';
import { GlobeIcon } from '../components/icons.js';
import { applyLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n/i18n.js';

/** Each language is named in itself, so whoever cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { es: 'Español', en: 'English' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const updateMe = useUpdateMe();
  const language = currentLanguage();

  const choose = (next: Language) => {
    applyLanguage(next);
    // Signed in: the choice follows the person to other browsers.
    if (me.data && me.data.locale !== next) updateMe.mutate({ locale: next });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="compact-sm"
          leftSection={<GlobeIcon />}
          aria-label={t('shell.language', { language: LANGUAGE_NAMES[language] })}
        >
          {LANGUAGE_NAMES[language]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            onClick={() => choose(option)}
            fw={option === language ? 700 : undefined}
            aria-current={option === language ? 'true' : undefined}
          >
            {LANGUAGE_NAMES[option]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
