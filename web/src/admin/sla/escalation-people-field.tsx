import { Group, Pill, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../api/use-users.js';
import { UserSelect } from '../../components/user-select.js';

const STAFF_ROLES = ['supervisor', 'admin', 'analyst', 'specialist', 'agent'] as const;
const MAX_PEOPLE = 20;

/** Named people an escalation level also tells (the service manager, say): removable pills and a picker. */
export function EscalationPeopleField({
  value,
  onChange,
  label,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState<string | null>(null);
  return (
    <Group gap={6} align="center">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {value.length > 0 ? (
        <Pill.Group aria-label={label}>
          {value.map((id) => (
            <PersonPill key={id} id={id} onRemove={() => onChange(value.filter((other) => other !== id))} />
          ))}
        </Pill.Group>
      ) : null}
      {value.length < MAX_PEOPLE ? (
        <UserSelect
          key={value.length}
          aria-label={label}
          placeholder={t('slaAdmin.escalations.addPerson')}
          size="xs"
          w={220}
          roles={STAFF_ROLES}
          value={adding}
          onChange={(id) => {
            setAdding(null);
            if (id && !value.includes(id)) onChange([...value, id]);
          }}
        />
      ) : null}
    </Group>
  );
}

function PersonPill({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const { data } = useUser(id);
  return (
    <Pill
      withRemoveButton
      onRemove={onRemove}
      removeButtonProps={{ 'aria-label': t('slaAdmin.escalations.removePerson', { name: data?.name ?? id }) }}
    >
      {data?.name ?? '…'}
    </Pill>
  );
}
