import { Kbd, Modal, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesGrant } from '../../../domain/permissions.js';
import { isStaff } from '../../../domain/roles.js';
import { useMe } from '../api/use-session.js';
import { SEARCH_BOX_ATTRIBUTE } from '../components/search-input.js';

interface ShortcutsContextValue {
  openHelp: () => void;
}

const ShortcutsContext = createContext<ShortcutsContextValue>({ openHelp: () => {} });

export const useShortcuts = () => useContext(ShortcutsContext);

/** Typing in a field must never trigger a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A ticked checkbox keeps the focus, yet nothing is being typed in it.
  if (target instanceof HTMLInputElement && ['checkbox', 'radio', 'button', 'submit'].includes(target.type))
    return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** A key press meant for a shortcut: no modifier, not typed in a field, no dialog in front of the page. */
function isShortcutPress(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
  return !document.querySelector('[role="dialog"][aria-modal="true"]');
}

/**
 * A page's own single-key shortcuts (`r` reply, `j`/`k` move in a list, `enter`…; keys in lower case), active while the page is
 * shown. The same rules as `/` and `?`: never while typing or with a dialog open. List them in the help below.
 */
export function usePageShortcuts(handlers: Record<string, () => void>, enabled = true) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      if (!isShortcutPress(event)) return;
      // Enter on a focused link or button is theirs.
      if (event.key === 'Enter' && document.activeElement?.closest('a, button, [role="button"], [role="tab"]')) return;
      const handler = current.current[event.key.toLowerCase()];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [enabled]);
}

/** `/` focuses the page's search box, `?` opens the list of shortcuts, `c` (desk staff) the phone console. */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const canTakeCalls = me ? isStaff(me.roles) && rolesGrant(me.roles, 'tickets.work') : false;

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      // Typing in a field, or a dialog in front of the page (it is out of reach): no shortcuts.
      if (!isShortcutPress(event)) return;
      if (event.key === '/') {
        const box = document.querySelector<HTMLInputElement>(`[${SEARCH_BOX_ATTRIBUTE}]`);
        if (box) {
          event.preventDefault();
          box.focus();
          box.select();
        }
      } else if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(true);
      } else if (event.key === 'c' && canTakeCalls) {
        event.preventDefault();
        void navigate({ to: '/workspace/phone' });
      }
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [canTakeCalls, navigate]);

  const value = useMemo(() => ({ openHelp }), [openHelp]);
  return (
    <ShortcutsContext.Provider value={value}>
      {children}
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </ShortcutsContext.Provider>
  );
}

function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // The queue and ticket keys belong to the desk's workspace; requesters are not shown them.
  const staff = me ? isStaff(me.roles) : false;
  const everywhere: [ReactNode, string][] = [
    [<Kbd key="slash">/</Kbd>, t('shortcuts.search')],
    [<Kbd key="question">?</Kbd>, t('shortcuts.help')],
    [<Kbd key="enter">{t('shortcuts.keyEnter')}</Kbd>, t('shortcuts.submit')],
    [
      <span key="ctrl-enter">
        <Kbd>{t('shortcuts.keyCtrl')}</Kbd> + <Kbd>{t('shortcuts.keyEnter')}</Kbd>
      </span>,
      t('shortcuts.send'),
    ],
    [<Kbd key="esc">{t('shortcuts.keyEscape')}</Kbd>, t('shortcuts.close')],
  ];
  if (me && staff && rolesGrant(me.roles, 'tickets.work'))
    everywhere.push([<Kbd key="c">c</Kbd>, t('shortcuts.openPhone')]);
  const queue: [ReactNode, string][] = [
    [
      <span key="jk">
        <Kbd>j</Kbd> / <Kbd>k</Kbd>
      </span>,
      t('shortcuts.nextPrevious'),
    ],
    [<Kbd key="open">{t('shortcuts.keyEnter')}</Kbd>, t('shortcuts.openRow')],
    [<Kbd key="x">x</Kbd>, t('shortcuts.selectRow')],
  ];
  const ticket: [ReactNode, string][] = [
    [<Kbd key="r">r</Kbd>, t('shortcuts.reply')],
    [<Kbd key="n">n</Kbd>, t('shortcuts.note')],
    [<Kbd key="a">a</Kbd>, t('shortcuts.assignToMe')],
    [<Kbd key="e">e</Kbd>, t('shortcuts.escalate')],
  ];
  const phone: [ReactNode, string][] = [
    [<Kbd key="n">n</Kbd>, t('shortcuts.newCall')],
    [
      <span key="updown">
        <Kbd>↑</Kbd> / <Kbd>↓</Kbd> + <Kbd>{t('shortcuts.keyEnter')}</Kbd>
      </span>,
      t('phone.callerHint'),
    ],
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} centered>
      <ShortcutTable title={t('shortcuts.everywhere')} rows={everywhere} />
      {staff ? (
        <>
          <ShortcutTable title={t('shortcuts.inQueue')} rows={queue} />
          <ShortcutTable title={t('shortcuts.inTicket')} rows={ticket} />
          <ShortcutTable title={t('shortcuts.inPhone')} rows={phone} />
        </>
      ) : null}
    </Modal>
  );
}

function ShortcutTable({ title, rows }: { title: string; rows: [ReactNode, string][] }) {
  return (
    <Table mb="md">
      <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {title}
        </Text>
      </Table.Caption>
      <Table.Tbody>
        {rows.map(([keys, description]) => (
          <Table.Tr key={description}>
            <Table.Td w={140} style={{ whiteSpace: 'nowrap' }}>
              {keys}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{description}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
