import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCannedResponses } from '../api/use-procedures.js';

/** Rich text back to the plain text the composer edits: paragraphs and line breaks kept. */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n\n')
    .replace(/<li[^>]*>/gi, '• ');
  const doc = new DOMParser().parseFromString(marked, 'text/html');
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

/** Picks one of the desk's (or my) canned responses and hands its text to the composer. */
export function CannedResponsePicker({ onInsert, disabled }: { onInsert: (text: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const responses = useCannedResponses();
  const items = responses.data ?? [];
  const group = (shared: boolean) =>
    items.filter((r) => r.shared === shared).map((r) => ({ value: r.id, label: r.title }));
  const data = [
    { group: t('canned.shared'), items: group(true) },
    { group: t('canned.mine'), items: group(false) },
  ].filter((g) => g.items.length > 0);
  return (
    <Select
      size="xs"
      w={260}
      aria-label={t('canned.insert')}
      placeholder={responses.isPending ? t('common.loading') : t('canned.placeholder')}
      data={data}
      value={null}
      searchable
      disabled={disabled || responses.isError}
      nothingFoundMessage={t('canned.empty')}
      onChange={(id) => {
        const response = items.find((r) => r.id === id);
        if (response) onInsert(htmlToText(response.bodyHtml));
      }}
    />
  );
}
