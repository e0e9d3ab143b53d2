import { Badge, Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../domain/permissions.js';
import { useClearMailBounce, useMailDelivery } from '../api/use-mail.js';
import { useCurrentUser } from '../api/use-session.js';
import { useDateFormat } from '../i18n/format.js';

/**
 * Beside the requester, for staff: mail to them bounces (a delivery report said so), since when
 * and why; an admin can say the address receives mail again. Nothing when mail gets through.
 */
export function RequesterMailBounce({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useDateFormat();
  const delivery = useMailDelivery(userId);
  const clear = useClearMailBounce();
  const bouncing = delivery.data?.bouncing;
  if (!delivery.data || !bouncing) return null;
  const words = t('mailRules.bounce.badgeLabel', {
    address: delivery.data.address,
    since: format.dateTime(bouncing.since),
    reason: bouncing.reason,
  });
  return (
    <Group gap="xs">
      <Tooltip label={words} multiline w={320}>
        <Badge color="red" variant="light" tabIndex={0} aria-label={words}>
          {t('mailRules.bounce.badge')}
        </Badge>
      </Tooltip>
      {rolesGrant(me.roles, 'mail.manage') ? (
        <Button
          size="compact-xs"
          variant="subtle"
          loading={clear.isPending}
          onClick={() => clear.mutate(userId)}
          color={clear.isError ? 'red' : undefined}
          title={clear.isError ? t('mailRules.bounce.clearFailed') : undefined}
        >
          {t('mailRules.bounce.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
