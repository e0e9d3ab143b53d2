import { Alert, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../domain/contracts/organizations.js';
import { isApiError } from '../../api/client.js';
import { useOrganization, useUpdateOrganization } from '../../api/use-organizations.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { OrganizationHeading } from '../../components/organization-heading.js';
import { QueryState } from '../../components/query-states.js';
import { RouterAnchor } from '../../components/router-link.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { ORGANIZATION_FIELDS, OrganizationFields, useValidateOrganization } from './organization-fields.js';
import { ServicesPanel } from './services-panel.js';

const isConflict = (error: unknown) => isApiError(error) && error.code === 'version_conflict';

/** One organization: its details, its status, and its services. */
export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId } = useParams({ strict: false });
  const organization = useOrganization(organizationId);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);

  // Someone else saved first: load their version; the form starts again from it.
  const handleConflict = () => {
    setSaved(false);
    setConflict(true);
    void organization.refetch();
  };

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <RouterAnchor to="/admin/organizations" size="sm">
          {t('organizations.title')}
        </RouterAnchor>
        <Text size="sm">{organization.data?.name ?? '…'}</Text>
      </Breadcrumbs>
      <QueryState query={organization}>
        {(org) => (
          <>
            <Group justify="space-between" align="flex-start">
              <OrganizationHeading organization={org} />
              <StatusToggle organization={org} onConflict={handleConflict} />
            </Group>
            {conflict ? (
              <Alert
                color="yellow"
                variant="light"
                title={t('conflict.title')}
                withCloseButton
                onClose={() => setConflict(false)}
              >
                {t('conflict.organization')}
              </Alert>
            ) : null}
            <Paper withBorder radius="md" p="lg">
              <Title order={3} size="h4" mb="md">
                {t('organizations.details')}
              </Title>
              <OrganizationEditForm
                key={org.version}
                organization={org}
                saved={saved}
                onSaved={() => {
                  setConflict(false);
                  setSaved(true);
                }}
                onConflict={handleConflict}
              />
            </Paper>
            <ServicesPanel organizationId={org.id} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function OrganizationEditForm({
  organization,
  saved,
  onSaved,
  onConflict,
}: {
  organization: Organization;
  saved: boolean;
  onSaved: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateOrganization(organization.id);
  const validate = useValidateOrganization();
  const [values, setValues] = useState({
    name: organization.name,
    code: organization.code,
    requestersSeeAllTickets: organization.requestersSeeAllTickets,
  });
  const form = useFormErrors({ values, validate, serverError: update.error });
  const changed =
    values.name !== organization.name ||
    values.code !== organization.code ||
    values.requestersSeeAllTickets !== organization.requestersSeeAllTickets;

  const send = () => {
    if (!changed) return;
    update.mutate(
      { version: organization.version, ...values, name: values.name.trim() },
      { onSuccess: onSaved, onError: (error) => isConflict(error) && onConflict() },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
      <Stack maw={520}>
        {isConflict(update.error) ? null : <ErrorAlert error={update.error} fields={ORGANIZATION_FIELDS} />}
        <OrganizationFields values={values} onChange={setValues} errorOf={form.errorOf} />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!changed}>
            {t('common.save')}
          </Button>
          {saved && !changed ? (
            <Text size="sm" c="teal" role="status">
              {t('common.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

function StatusToggle({ organization, onConflict }: { organization: Organization; onConflict: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization(organization.id);
  const [confirming, setConfirming] = useState(false);
  const active = organization.status === 'active';

  const apply = () =>
    update.mutate(
      { version: organization.version, status: active ? 'inactive' : 'active' },
      {
        onSuccess: () => setConfirming(false),
        onError: (error) => {
          if (isConflict(error)) {
            setConfirming(false);
            onConflict();
          }
        },
      },
    );

  return (
    <>
      {active ? (
        <Button variant="light" color="red" onClick={() => setConfirming(true)}>
          {t('organizations.deactivate')}
        </Button>
      ) : (
        <Button variant="light" color="teal" loading={update.isPending} onClick={apply}>
          {t('organizations.activate')}
        </Button>
      )}
      {!active && update.error && !isConflict(update.error) ? <ErrorAlert error={update.error} /> : null}
      <ConfirmModal
        opened={confirming}
        title={t('organizations.deactivateTitle', { name: organization.name })}
        message={t('organizations.deactivateBody')}
        confirmLabel={t('organizations.deactivate')}
        loading={update.isPending}
        error={update.error}
        onConfirm={apply}
        onClose={() => {
          update.reset();
          setConfirming(false);
        }}
      />
    </>
  );
}
