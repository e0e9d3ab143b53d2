import { Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface OrganizationValues {
  name: string;
  code: string;
  requestersSeeAllTickets: boolean;
}

export const ORGANIZATION_FIELDS = ['name', 'code', 'requestersSeeAllTickets'] as const;

/** Same rule as the API contract: 2–20 capital letters, digits or dashes, not starting with a dash. */
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,19}$/;

export type OrganizationErrors = Partial<Record<keyof OrganizationValues, string>>;

export function useValidateOrganization() {
  const { t } = useTranslation();
  return (values: OrganizationValues): OrganizationErrors => {
    const errors: OrganizationErrors = {};
    if (!values.name.trim()) errors.name = t('errors.fields.required');
    if (!CODE_PATTERN.test(values.code)) errors.code = t('organizations.codeRule');
    return errors;
  };
}

export function OrganizationFields({
  values,
  onChange,
  errorOf,
}: {
  values: OrganizationValues;
  onChange: (values: OrganizationValues) => void;
  /** Each field's message: the form's own check or the server's (`useFormErrors().errorOf`). */
  errorOf: (name: keyof OrganizationValues) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <TextInput
        label={t('fields.name')}
        required
        maxLength={200}
        value={values.name}
        onChange={(event) => onChange({ ...values, name: event.currentTarget.value })}
        error={errorOf('name')}
        data-autofocus
      />
      <TextInput
        label={t('fields.code')}
        description={t('organizations.codeHint')}
        required
        maxLength={20}
        value={values.code}
        // Codes are capitals: typing "clin-01" gives "CLIN-01".
        onChange={(event) => onChange({ ...values, code: event.currentTarget.value.toUpperCase().replace(/\s/g, '') })}
        error={errorOf('code')}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Switch
        label={t('organizations.requestersSeeAll')}
        description={t('organizations.requestersSeeAllHint')}
        checked={values.requestersSeeAllTickets}
        onChange={(event) => onChange({ ...values, requestersSeeAllTickets: event.currentTarget.checked })}
        error={errorOf('requestersSeeAllTickets')}
      />
    </Stack>
  );
}
