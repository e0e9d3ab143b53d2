import { Badge, Paper, Group as Row, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The values a template may name, as buttons that insert them at the cursor. */
export function PlaceholderBadges({ names, onInsert }: { names: readonly string[]; onInsert: (name: string) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="sm" p="xs" bg="var(--mantine-color-default-hover)">
      <Text size="xs" fw={500} mb={4}>
        {t('mailAdmin.templates.placeholders')}{' '}
        <Text span size="xs" c="dimmed" fw={400}>
          {t('mailAdmin.templates.placeholdersHint')}
        </Text>
      </Text>
      <Row gap={6}>
        {names.map((name) => {
          const meaning = t(`mailAdmin.templates.meanings.${name as 'number'}`, { defaultValue: name });
          return (
            <Tooltip key={name} label={meaning} openDelay={200}>
              <Badge
                component="button"
                type="button"
                variant="light"
                tt="none"
                ff="monospace"
                fw={500}
                style={{ cursor: 'pointer' }}
                // Keeps the cursor where it is in the field being edited.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onInsert(name)}
                aria-label={t('mailAdmin.templates.insert', { name: `{{${name}}}`, meaning })}
              >
                {`{{${name}}}`}
              </Badge>
            </Tooltip>
          );
        })}
      </Row>
    </Paper>
  );
}
