import { ActionIcon, Group, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PencilIcon } from '../components/icons.js';

/** The ticket's subject as its title; click (or the pencil) to edit it in place, Enter saves, Esc gives up. */
export function SubjectEditor({
  subject,
  saving,
  onSave,
}: {
  subject: string;
  saving: boolean;
  onSave: (subject: string, done: () => void) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(subject);

  const start = () => {
    setValue(subject);
    setEditing(true);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Enter saves, and the box then loses focus while it waits: one save, not two.
    if (saving) return;
    const next = value.trim();
    if (!next || next === subject) {
      setEditing(false);
      return;
    }
    onSave(next, () => setEditing(false));
  };

  if (editing) {
    return (
      <form onSubmit={handleSubmit} style={{ flex: 1 }}>
        <TextInput
          aria-label={t('tickets.fields.subject')}
          value={value}
          maxLength={200}
          size="md"
          autoFocus
          disabled={saving}
          onChange={(event) => setValue(event.currentTarget.value)}
          onBlur={handleSubmit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              setEditing(false);
            }
          }}
        />
      </form>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
      <Title order={2} size="h3" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
        <UnstyledButton onClick={start} fz="inherit" fw="inherit" lh="inherit" ta="start">
          {subject}
        </UnstyledButton>
      </Title>
      <Tooltip label={t('ticketPage.editSubject')}>
        <ActionIcon variant="subtle" color="gray" onClick={start} aria-label={t('ticketPage.editSubject')} mt={4}>
          <PencilIcon />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
