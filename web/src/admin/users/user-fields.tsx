import { Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../domain/contracts/users.js';
import { type Role, STAFF_ROLES } from '../../../../domain/roles.js';
import { OrganizationSelect } from '../../components/organization-select.js';

export type AccountKind = 'requester' | 'staff';

export interface UserValues {
  email: string;
  name: string;
  kind: AccountKind;
  staffRoles: Role[];
  /** A requester who also reviews the organization's questionnaires. */
  clientManager: boolean;
  organizationId: string | null;
  phone: string;
  locale: '' | 'es' | 'en';
}

export type UserErrors = Partial<Record<'email' | 'name' | 'roles' | 'organizationId' | 'phone', string>>;

export const USER_FIELDS = [
  'email',
  'name',
  'roles',
  'organizationId',
  'phone',
  'locale',
  'status',
  'password',
] as const;

export const EMPTY_USER: UserValues = {
  email: '',
  name: '',
  kind: 'staff',
  staffRoles: [],
  clientManager: false,
  organizationId: null,
  phone: '',
  locale: '',
};

export function valuesOf(user: User): UserValues {
  const requester = user.roles.includes('requester');
  return {
    email: user.email,
    name: user.name,
    kind: requester ? 'requester' : 'staff',
    staffRoles: requester ? [] : user.roles,
    clientManager: user.roles.includes('client_manager'),
    organizationId: user.organizationId,
    phone: user.phone ?? '',
    locale: user.locale ?? '',
  };
}

/** The API's role rule, made structural: a requester (maybe a client manager too) has an organization; staff have none. */
export function assignmentOf(values: UserValues): { roles: Role[]; organizationId: string | null } {
  return values.kind === 'requester'
    ? {
        roles: values.clientManager ? ['requester', 'client_manager'] : ['requester'],
        organizationId: values.organizationId,
      }
    : { roles: values.staffRoles, organizationId: null };
}

export function useValidateUser() {
  const { t } = useTranslation();
  return (values: UserValues): UserErrors => {
    const errors: UserErrors = {};
    if (!values.name.trim()) errors.name = t('errors.fields.required');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) errors.email = t('errors.fields.email');
    if (values.kind === 'requester' && !values.organizationId)
      errors.organizationId = t('errors.fields.requesterNeedsOrganization');
    if (values.kind === 'staff' && values.staffRoles.length === 0) errors.roles = t('users.pickRole');
    if (!/^[0-9+()\-. ]*$/.test(values.phone)) errors.phone = t('errors.fields.phone');
    return errors;
  };
}

export function UserFields({
  values,
  onChange,
  errorOf,
}: {
  values: UserValues;
  onChange: (values: UserValues) => void;
  /** Each field's message: the form's own check or the server's (`useFormErrors().errorOf`). */
  errorOf: (name: keyof UserErrors | 'locale') => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<UserValues>) => onChange({ ...values, ...patch });

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('fields.name')}
          required
          maxLength={200}
          value={values.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={errorOf('name')}
          data-autofocus
        />
        <TextInput
          label={t('fields.email')}
          type="email"
          required
          maxLength={254}
          value={values.email}
          onChange={(event) => set({ email: event.currentTarget.value })}
          error={errorOf('email')}
        />
      </SimpleGrid>
      <Stack gap={6}>
        <Text size="sm" fw={500} id="account-kind-label">
          {t('users.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="account-kind-label"
          value={values.kind}
          onChange={(kind) => set({ kind: kind as AccountKind })}
          data={[
            { value: 'staff', label: t('users.kindStaff') },
            { value: 'requester', label: t('roles.requester') },
          ]}
        />
        <Text size="xs" c="dimmed">
          {values.kind === 'requester' ? t('users.kindRequesterHint') : t('users.kindStaffHint')}
        </Text>
      </Stack>
      {values.kind === 'requester' ? (
        <>
          <OrganizationSelect
            label={t('fields.organization')}
            required
            value={values.organizationId}
            onChange={(organizationId) => set({ organizationId })}
            error={errorOf('organizationId')}
            placeholder={t('users.organizationPlaceholder')}
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox
            checked={values.clientManager}
            onChange={(event) => set({ clientManager: event.currentTarget.checked })}
            label={t('roles.client_manager')}
            description={t('users.clientManagerHint')}
          />
        </>
      ) : (
        <Checkbox.Group
          label={t('fields.roles')}
          required
          value={values.staffRoles}
          onChange={(roles) => set({ staffRoles: roles as Role[] })}
          error={errorOf('roles')}
        >
          <Group mt={6} gap="md">
            {STAFF_ROLES.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('fields.phone')}
          type="tel"
          maxLength={40}
          value={values.phone}
          onChange={(event) => set({ phone: event.currentTarget.value })}
          error={errorOf('phone')}
        />
        <Select
          label={t('fields.language')}
          data={[
            { value: '', label: t('account.languageAuto') },
            { value: 'es', label: 'Español' },
            { value: 'en', label: 'English' },
          ]}
          value={values.locale}
          allowDeselect={false}
          onChange={(locale) => set({ locale: (locale ?? '') as UserValues['locale'] })}
          error={errorOf('locale')}
        />
      </SimpleGrid>
    </Stack>
  );
}
