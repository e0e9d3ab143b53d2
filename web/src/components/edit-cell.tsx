import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The last cell of an admin table's row: its "Edit" button. `label` names what it edits for
 * screen readers ("Edit agreement Gold"), where the row alone would not tell.
 */
export function EditCell({ onEdit, label }: { onEdit: () => void; label?: string }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={label}>
        {t('common.edit')}
      </Button>
    </Table.Td>
  );
}
