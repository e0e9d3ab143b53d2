import {
  Alert,
  Button,
  CloseButton,
  Code,
  Fieldset,
  Group,
  Input,
  Modal,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityProvider } from '../../../../domain/contracts/mfa.js';
import type { Role } from '../../../../domain/roles.js';
import { useCreateIdentityProvider, useUpdateIdentityProvider } from '../../api/use-identity-providers.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ModalFooter } from '../../components/modal-footer.js';
import { OrganizationSelect } from '../../components/organization-select.js';
import { useErrorText } from '../../i18n/error-messages.js';
import {
  checkValues,
  createBodyOf,
  MAPPABLE_ROLES,
  PROVIDER_FIELDS,
  type ProviderErrors,
  type ProviderScope,
  type ProviderValues,
  relinks,
  updateBodyOf,
  valuesOf,
  withScope,
} from './identity-provider-form.js';

// Where the provider sends the browser back; the server builds the same from MESA_PUBLIC_URL or the request.
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** Creates a provider (`provider` null) or edits one; the client secret is typed, never shown. */
export function IdentityProviderModal({
  provider,
  opened,
  onClose,
}: {
  provider: IdentityProvider | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={provider ? t('identityProviders.editTitle') : t('identityProviders.createTitle')}
      size="lg"
      centered
    >
      {opened ? (
        <ProviderForm
          key={provider ? `${provider.id}:${provider.version}` : 'new'}
          provider={provider}
          onDone={onClose}
        />
      ) : null}
    </Modal>
  );
}

function ProviderForm({ provider, onDone }: { provider: IdentityProvider | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { field } = useErrorText();
  const create = useCreateIdentityProvider();
  const update = useUpdateIdentityProvider();
  const saving = provider ? update : create;
  const [values, setValues] = useState<ProviderValues>(() => valuesOf(provider ?? undefined));
  const [errors, setErrors] = useState<ProviderErrors>({});
  const set = (change: Partial<ProviderValues>) => setValues((current) => ({ ...current, ...change }));

  /** The form's own finding first, else what the server said about the field. */
  const errorOf = (name: string): string | undefined => {
    const own = errors[name as keyof ProviderErrors];
    if (own) return own === 'required' ? t('errors.fields.required') : t(`identityProviders.fieldErrors.${own}`);
    return field(saving.error, name);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkValues(values, provider === null);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (provider) update.mutate({ id: provider.id, body: updateBodyOf(provider, values) }, { onSuccess: onDone });
    else create.mutate(createBodyOf(values), { onSuccess: onDone });
  };

  const roleOptions = MAPPABLE_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <ErrorAlert error={saving.error} fields={PROVIDER_FIELDS} />
        <TextInput
          label={t('identityProviders.name')}
          description={t('identityProviders.nameHint')}
          required
          maxLength={100}
          value={values.name}
          onChange={(event) => set({ name: event.currentTarget.value })}
          error={errorOf('name')}
        />
        <TextInput
          label={t('identityProviders.issuer')}
          description={t('identityProviders.issuerHint')}
          placeholder="https://"
          required
          maxLength={500}
          value={values.issuer}
          onChange={(event) => set({ issuer: event.currentTarget.value })}
          error={errorOf('issuer')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('identityProviders.clientId')}
            required
            maxLength={500}
            value={values.clientId}
            onChange={(event) => set({ clientId: event.currentTarget.value })}
            error={errorOf('clientId')}
          />
          <PasswordInput
            label={t('identityProviders.clientSecret')}
            description={provider ? t('identityProviders.clientSecretKept') : t('identityProviders.clientSecretHint')}
            required={provider === null}
            autoComplete="new-password"
            maxLength={1000}
            value={values.clientSecret}
            onChange={(event) => set({ clientSecret: event.currentTarget.value })}
            error={errorOf('clientSecret')}
          />
        </Group>
        <div>
          <Text size="sm" fw={500}>
            {t('identityProviders.redirectUri')}
          </Text>
          <Code style={{ wordBreak: 'break-all' }}>{`${window.location.origin}${CALLBACK_PATH}`}</Code>
        </div>
        <Radio.Group
          label={t('identityProviders.scope')}
          value={values.scope}
          onChange={(scope) => setValues((current) => withScope(current, scope as ProviderScope))}
        >
          <Group mt={6}>
            <Radio value="staff" label={t('identityProviders.scopeStaff')} />
            <Radio value="organization" label={t('identityProviders.scopeOrganization')} />
          </Group>
        </Radio.Group>
        {values.scope === 'organization' ? (
          <Stack gap={4}>
            <OrganizationSelect
              label={t('identityProviders.organization')}
              required
              value={values.organizationId}
              onChange={(organizationId) => set({ organizationId })}
              error={errorOf('organizationId')}
            />
            <Text size="sm" c="dimmed">
              {t('identityProviders.requesterOnly')}
            </Text>
          </Stack>
        ) : (
          <StaffRoles values={values} onChange={set} errorOf={errorOf} roleOptions={roleOptions} />
        )}
        <Switch
          label={t('identityProviders.enabled')}
          description={t('identityProviders.enabledHint')}
          checked={values.enabled}
          onChange={(event) => set({ enabled: event.currentTarget.checked })}
          error={errorOf('enabled')}
        />
        {provider && relinks(provider, values) ? (
          <Alert color="yellow" variant="light">
            {t('identityProviders.relinkWarning')}
          </Alert>
        ) : null}
        <ModalFooter
          submitLabel={provider ? t('common.save') : t('identityProviders.create')}
          onCancel={onDone}
          loading={saving.isPending}
        />
      </Stack>
    </form>
  );
}

/** A staff provider's roles: the claim to read, each value's role, and the role for everyone else. */
function StaffRoles({
  values,
  onChange,
  errorOf,
  roleOptions,
}: {
  values: ProviderValues;
  onChange: (change: Partial<ProviderValues>) => void;
  errorOf: (name: string) => string | undefined;
  roleOptions: { value: Role; label: string }[];
}) {
  const { t } = useTranslation();
  const rows = values.mappings;
  const setRow = (index: number, change: Partial<(typeof rows)[number]>) =>
    onChange({ mappings: rows.map((row, at) => (at === index ? { ...row, ...change } : row)) });
  const mappingError = errorOf('roleMapping');
  return (
    <>
      <TextInput
        label={t('identityProviders.roleClaim')}
        description={t('identityProviders.roleClaimHint')}
        placeholder="groups"
        maxLength={100}
        value={values.roleClaim}
        onChange={(event) => onChange({ roleClaim: event.currentTarget.value })}
        error={errorOf('roleClaim')}
      />
      <Fieldset
        legend={t('identityProviders.mapping')}
        variant="unstyled"
        styles={{ legend: { fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' } }}
      >
        <Stack gap={6}>
          <Text size="xs" c="dimmed">
            {rows.length === 0 ? t('identityProviders.noMapping') : t('identityProviders.mappingHint')}
          </Text>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place while typed
            <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                aria-label={`${t('identityProviders.claimValue')} ${index + 1}`}
                placeholder={t('identityProviders.claimValue')}
                maxLength={200}
                value={row.claim}
                onChange={(event) => setRow(index, { claim: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <Select
                aria-label={`${t('identityProviders.mappedRole')} ${index + 1}`}
                data={roleOptions}
                value={row.role}
                allowDeselect={false}
                onChange={(role) => role && setRow(index, { role: role as Role })}
                style={{ flex: 1 }}
              />
              <CloseButton
                aria-label={t('identityProviders.removeMapping', { claim: row.claim || index + 1 })}
                onClick={() => onChange({ mappings: rows.filter((_, at) => at !== index) })}
              />
            </Group>
          ))}
          {mappingError ? <Input.Error>{mappingError}</Input.Error> : null}
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              onClick={() => onChange({ mappings: [...rows, { claim: '', role: 'agent' }] })}
            >
              {t('identityProviders.addMapping')}
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Select
        label={t('identityProviders.defaultRole')}
        description={t('identityProviders.defaultRoleHint')}
        data={roleOptions}
        value={values.defaultRole}
        allowDeselect={false}
        onChange={(role) => role && onChange({ defaultRole: role as Role })}
        error={errorOf('defaultRole')}
      />
    </>
  );
}
