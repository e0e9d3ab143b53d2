import {
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCampaignSuggestion, useCreateCampaign } from '../api/use-campaigns.js';
import { useQuestionnaires } from '../api/use-questionnaires.js';
import { useUserList } from '../api/use-users.js';
import { ErrorAlert } from '../components/error-alert.js';
import { ModalFooter } from '../components/modal-footer.js';
import { OrganizationSelect } from '../components/organization-select.js';
import { useFormErrors } from '../components/use-form-errors.js';
import { viewerTimeZone } from '../i18n/format.js';
import {
  type AudienceMode,
  approvedVersions,
  type CampaignDraft,
  campaignBody,
  draftIssues,
  emptyDraft,
  localInputValue,
} from './campaign-form.js';

const SHOWN_FIELDS = [
  'organizationId',
  'questionnaireVersionId',
  'name',
  'opensAt',
  'closesAt',
  'anonymous',
  'reminderDaysBeforeClose',
  'audience',
  'audience.onlyUserIds',
  'audience.excludeUserIds',
];

/**
 * A new campaign: for which organization, which approved questionnaire version it freezes, when it
 * opens and closes (in the viewer's zone), anonymous or not, an automatic reminder, and who is asked.
 * The dates and version come prefilled from the server's suggestion when it has one.
 */
export function CreateCampaignModal({
  opened,
  onClose,
  initialOrganizationId,
}: {
  opened: boolean;
  onClose: () => void;
  initialOrganizationId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('campaigns.form.title')} size="lg">
      {opened ? <CreateCampaignForm onClose={onClose} initialOrganizationId={initialOrganizationId} /> : null}
    </Modal>
  );
}

function CreateCampaignForm({
  onClose,
  initialOrganizationId,
}: {
  onClose: () => void;
  initialOrganizationId: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCampaign();
  const [draft, setDraft] = useState<CampaignDraft>(() => ({
    ...emptyDraft(),
    organizationId: initialOrganizationId,
  }));
  const set = (change: Partial<CampaignDraft>) => setDraft((current) => ({ ...current, ...change }));
  const form = useFormErrors({
    values: draft,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(draftIssues(values)).map(([field, issue]) => [field, t(`campaigns.form.issues.${issue}`)]),
      ),
    serverError: create.error,
  });

  const questionnaires = useQuestionnaires();
  const versions = approvedVersions(questionnaires.data?.items ?? [], draft.organizationId, (title, number) =>
    t('campaigns.form.versionOption', { title, number }),
  );

  // The suggestion fills only what is still empty: it never undoes what the person typed.
  const suggestion = useCampaignSuggestion(draft.organizationId);
  const suggested = suggestion.data;
  useEffect(() => {
    if (!suggested) return;
    setDraft((current) => ({
      ...current,
      opensAt: current.opensAt || localInputValue(suggested.opensAt),
      closesAt: current.closesAt || localInputValue(suggested.closesAt),
      questionnaireVersionId: current.questionnaireVersionId ?? suggested.questionnaireVersionId,
    }));
  }, [suggested]);

  const send = () =>
    create.mutate(campaignBody(draft), {
      onSuccess: (created) => {
        onClose();
        void navigate({ to: '/workspace/campaigns/$campaignId', params: { campaignId: created.id } });
      },
    });
  const zone = viewerTimeZone();

  return (
    <form ref={form.formRef} onSubmit={form.handleSubmit(send)} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} fields={SHOWN_FIELDS} />
        <OrganizationSelect
          label={t('campaigns.form.organization')}
          value={draft.organizationId}
          onChange={(organizationId) =>
            // Another organization: its own questionnaire, its own people.
            set({ organizationId, questionnaireVersionId: null, userIds: [] })
          }
          required
          error={form.errorOf('organizationId')}
          data-autofocus
        />
        <Select
          label={t('campaigns.form.version')}
          description={
            draft.organizationId && questionnaires.isSuccess && versions.length === 0
              ? t('campaigns.form.noApproved')
              : t('campaigns.form.versionHint')
          }
          data={versions}
          value={draft.questionnaireVersionId}
          onChange={(questionnaireVersionId) => set({ questionnaireVersionId })}
          // Required, and often prefilled by the suggestion: picking the chosen one again keeps it.
          allowDeselect={false}
          disabled={!draft.organizationId}
          required
          error={form.errorOf('questionnaireVersionId')}
        />
        <TextInput
          label={t('campaigns.form.name')}
          value={draft.name}
          maxLength={200}
          onChange={(event) => set({ name: event.currentTarget.value })}
          required
          error={form.errorOf('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label={t('campaigns.form.opensAt')}
            description={t('campaigns.form.zoneHint', { zone })}
            value={draft.opensAt}
            onChange={(event) => set({ opensAt: event.currentTarget.value })}
            required
            error={form.errorOf('opensAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('campaigns.form.closesAt')}
            description={t('campaigns.form.zoneHint', { zone })}
            value={draft.closesAt}
            onChange={(event) => set({ closesAt: event.currentTarget.value })}
            required
            error={form.errorOf('closesAt')}
          />
        </SimpleGrid>
        {suggested ? (
          <Text size="xs" c="dimmed">
            {t('campaigns.form.suggested')}
          </Text>
        ) : null}
        <Switch
          label={t('campaigns.form.anonymous')}
          description={t('campaigns.form.anonymousHint')}
          checked={draft.anonymous}
          onChange={(event) => set({ anonymous: event.currentTarget.checked })}
        />
        <NumberInput
          label={t('campaigns.form.reminderDays')}
          description={t('campaigns.form.reminderHint')}
          min={1}
          max={60}
          allowDecimal={false}
          allowNegative={false}
          w={260}
          value={draft.reminderDaysBeforeClose === '' ? '' : Number(draft.reminderDaysBeforeClose)}
          onChange={(value) => set({ reminderDaysBeforeClose: value === '' ? '' : String(value) })}
          error={form.errorOf('reminderDaysBeforeClose')}
        />
        <AudienceFields draft={draft} set={set} error={form.errorOf('audience')} />
        <ModalFooter submitLabel={t('campaigns.form.create')} onCancel={onClose} loading={create.isPending} />
      </Stack>
    </form>
  );
}

/** Everyone active in the organization, only some of them, or everyone but some. */
function AudienceFields({
  draft,
  set,
  error,
}: {
  draft: CampaignDraft;
  set: (change: Partial<CampaignDraft>) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const people = useUserList({
    organizationId: draft.organizationId ?? undefined,
    status: 'active',
    q: debounced || undefined,
  });
  // Names of those already picked stay known while a new search shows others.
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = useMemo(() => (people.data?.pages ?? []).flatMap((page) => page.items), [people.data]);
  useEffect(() => {
    if (found.length > 0)
      setKnown((current) => ({ ...current, ...Object.fromEntries(found.map((u) => [u.id, u.name])) }));
  }, [found]);
  const options = [
    ...draft.userIds.map((id) => ({ value: id, label: known[id] ?? id })),
    ...found.filter((u) => !draft.userIds.includes(u.id)).map((u) => ({ value: u.id, label: u.name })),
  ];
  return (
    <Stack gap="xs">
      <Radio.Group
        label={t('campaigns.form.audience')}
        value={draft.audienceMode}
        onChange={(mode) => set({ audienceMode: mode as AudienceMode })}
        error={error}
      >
        <Stack gap={6} mt={6}>
          <Radio value="all" label={t('campaigns.form.audienceAll')} />
          <Radio value="only" label={t('campaigns.form.audienceOnly')} />
          <Radio value="exclude" label={t('campaigns.form.audienceExclude')} />
        </Stack>
      </Radio.Group>
      {draft.audienceMode === 'all' ? null : (
        <MultiSelect
          label={draft.audienceMode === 'only' ? t('campaigns.form.onlyPeople') : t('campaigns.form.excludePeople')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={options}
          value={draft.userIds}
          onChange={(userIds) => set({ userIds })}
          disabled={!draft.organizationId}
          nothingFoundMessage={people.isFetching ? t('common.loading') : t('people.noMatches')}
        />
      )}
    </Stack>
  );
}
