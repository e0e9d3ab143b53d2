import { Kbd, Modal, Table, Text } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_BOX_ATTRIBUTE } from '../components/search-input.js';

interface ShortcutsContextValue {
  openHelp: () => void;
}

const ShortcutsContext = createContext<ShortcutsContextValue>({ openHelp: () => {} });

export const useShortcuts = () => useContext(ShortcutsContext);

/** Typing in a field must never trigger a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** `/` focuses the page's search box, `?` opens the list of shortcuts. */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // With a dialog open, the page behind it is out of reach.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
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
      }
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, []);

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
  const rows: [ReactNode, string][] = [
    [<Kbd key="slash">/</Kbd>, t('shortcuts.search')],
    [<Kbd key="question">?</Kbd>, t('shortcuts.help')],
    [<Kbd key="enter">{t('shortcuts.keyEnter')}</Kbd>, t('shortcuts.submit')],
    [<Kbd key="esc">{t('shortcuts.keyEscape')}</Kbd>, t('shortcuts.close')],
  ];
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} centered>
      <Table>
        <Table.Tbody>
          {rows.map(([keys, description]) => (
            <Table.Tr key={description}>
              <Table.Td w={90}>{keys}</Table.Td>
              <Table.Td>
                <Text size="sm">{description}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
