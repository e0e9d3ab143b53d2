import { Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../domain/contracts/audit.js';

/** A value as people read it: a record's id as its name (the server named them), anything else as written. */
function show(value: unknown, names: AuditEvent['names']): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return names[value] ?? value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.map((item) => names[item] ?? item).join(', ');
  }
  return JSON.stringify(value);
}

/** Fields that changed: what they were and what they became. A creation has only "after". */
export function AuditDiff({ changes, names }: { changes: AuditEvent['changes']; names: AuditEvent['names'] }) {
  const { t } = useTranslation();
  const before = changes.before ?? {};
  const after = changes.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="25%">{t('audit.field')}</Table.Th>
            <Table.Th>{t('audit.before')}</Table.Th>
            <Table.Th>{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Code>{key}</Code>
              </Table.Td>
              <Table.Td c={key in before ? 'red' : 'dimmed'} style={{ wordBreak: 'break-word' }}>
                {key in before ? show(before[key], names) : '—'}
              </Table.Td>
              <Table.Td c={key in after ? 'teal' : 'dimmed'} style={{ wordBreak: 'break-word' }}>
                {key in after ? show(after[key], names) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
