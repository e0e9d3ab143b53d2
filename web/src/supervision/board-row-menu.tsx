import { ActionIcon, Menu } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { BoardTicket } from '../../../domain/contracts/supervision.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { useCurrentUser } from '../api/use-session.js';
import { DotsIcon } from '../components/icons.js';

export type BoardActionKind = 'reassign' | 'priority' | 'note' | 'commitment';
export interface BoardAction {
  kind: BoardActionKind;
  ticket: BoardTicket;
}

/** What a supervisor does from the board without opening the ticket. */
export function BoardRowMenu({ ticket, onAction }: { ticket: BoardTicket; onAction: (action: BoardAction) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const canWork = rolesGrant(me.roles, 'tickets.work');
  const canCommit = rolesGrant(me.roles, 'supervision.act');
  const act = (kind: BoardActionKind) => () => onAction({ kind, ticket });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('supervision.actions.label', { number: ticket.number })}
        >
          <DotsIcon />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          onClick={() => void navigate({ to: '/workspace/tickets/$ticketId', params: { ticketId: ticket.id } })}
        >
          {t('supervision.actions.open')}
        </Menu.Item>
        {canWork ? (
          <>
            <Menu.Divider />
            <Menu.Item onClick={act('reassign')}>{t('supervision.actions.reassign')}</Menu.Item>
            <Menu.Item onClick={act('priority')}>{t('supervision.actions.raisePriority')}</Menu.Item>
            <Menu.Item onClick={act('note')}>{t('supervision.actions.note')}</Menu.Item>
          </>
        ) : null}
        {canCommit ? <Menu.Item onClick={act('commitment')}>{t('supervision.actions.commitment')}</Menu.Item> : null}
      </Menu.Dropdown>
    </Menu>
  );
}
