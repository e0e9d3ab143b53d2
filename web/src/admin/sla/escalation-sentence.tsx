import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/use-users.js';
import type { EscalationDraft } from './agreement-form.js';
import { useMinutesText } from './sla-format.js';

/**
 * One level of the matrix read aloud: "At 75 % of the resolution time → notify the group lead",
 * "When the resolution time runs out + 4 h → notify supervisors and María, and escalate".
 */
export function EscalationSentence({ level }: { level: EscalationDraft }) {
  const { t, i18n } = useTranslation();
  const minutes = useMinutesText();
  const target = t(`slaAdmin.escalations.targetNames.${level.target}`);
  const percent = level.percent === '' ? '…' : level.percent;
  const base =
    level.percent === 100
      ? t('slaAdmin.escalations.whenBreach', { target })
      : t('slaAdmin.escalations.whenPercent', { percent, target });
  const when =
    typeof level.afterMinutes === 'number' && level.afterMinutes > 0
      ? t('slaAdmin.escalations.whenAfter', { when: base, after: minutes(level.afterMinutes) })
      : base;

  const who: ReactNode[] = [
    ...level.notify.map((r) => t(`slaAdmin.escalations.recipientsInSentence.${r}`)),
    ...level.userIds.map((id) => <PersonInSentence key={id} id={id} />),
  ];
  const notify = who.length > 0 ? `${t('slaAdmin.escalations.notifyPrefix')} ` : null;
  const escalate = level.escalate ? t('slaAdmin.escalations.escalateAction') : null;
  return (
    <>
      {when} →{' '}
      {notify ? (
        <>
          {notify}
          {joinList(who, i18n.language)}
          {escalate ? `${t('slaAdmin.escalations.andThen')} ${escalate}` : null}
        </>
      ) : (
        (escalate ?? t('slaAdmin.escalations.nothing'))
      )}
    </>
  );
}

/** "a, b and c" in the current language, where the items may be elements (names still loading). */
function joinList(items: ReactNode[], language: string): ReactNode {
  const parts = new Intl.ListFormat(language, { type: 'conjunction' }).formatToParts(items.map((_, i) => `${i}`));
  let next = 0;
  return parts.map((part, i) =>
    part.type === 'element' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never reorder
      <Fragment key={i}>{items[next++]}</Fragment>
    ) : (
      part.value
    ),
  );
}

/** A named person as the sentence says them ("a María" in Spanish), once their name is known. */
function PersonInSentence({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, isError } = useUser(id);
  return <>{t('slaAdmin.escalations.personInSentence', { name: data?.name ?? (isError ? id : '…') })}</>;
}
