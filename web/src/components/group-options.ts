import type { Group as SupportGroup } from '../../../domain/contracts/support.js';

/** "Networks · L2 · networking": what tells two groups apart in a picker. */
export function groupOptionLabel(group: SupportGroup): string {
  return [group.name, group.level, group.specialty].filter(Boolean).join(' · ');
}

/** The members of a group, the away ones said so (they get nothing automatically, but may be picked). */
export function memberOptions(group: SupportGroup | undefined, awayLabel: string) {
  return (group?.members ?? []).map((m) => ({
    value: m.id,
    label: m.presence === 'away' ? `${m.name} (${awayLabel})` : m.name,
  }));
}
