import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ticketKey, ticketListKey, timelineKey } from './use-tickets.js';

interface TicketEvent {
  ticketId: string;
  number: string;
  version: number;
  kind: string;
}

const BURST_MS = 300;

const isTicketEvent = (value: unknown): value is TicketEvent =>
  typeof value === 'object' && value !== null && typeof (value as TicketEvent).ticketId === 'string';

/**
 * Live updates: the server tells this browser, over one Server-Sent Events stream, whenever a
 * ticket the signed-in person may see changes; the open lists and that ticket reload. The
 * browser's EventSource reconnects by itself after a dropped connection.
 */
export function useLiveUpdates(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    // A busy desk sends bursts (a bulk change, a reply and its status change): one reload per burst.
    const changed = new Set<string>();
    let timer: number | undefined;
    const flush = () => {
      timer = undefined;
      for (const ticketId of changed) {
        void queryClient.invalidateQueries({ queryKey: ticketKey(ticketId) });
        void queryClient.invalidateQueries({ queryKey: timelineKey(ticketId) });
      }
      void queryClient.invalidateQueries({ queryKey: ticketListKey() });
      changed.clear();
    };
    const handleTicket = (event: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!isTicketEvent(data)) return;
      changed.add(data.ticketId);
      timer ??= window.setTimeout(flush, BURST_MS);
    };
    source.addEventListener('ticket', handleTicket);
    return () => {
      window.clearTimeout(timer);
      source.removeEventListener('ticket', handleTicket);
      source.close();
    };
  }, [enabled, queryClient]);
}
