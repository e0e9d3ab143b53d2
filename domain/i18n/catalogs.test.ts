import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { es } from './es.js';

/** Flattens a catalog into "a.b.c" → message. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (message: string) => [...message.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const spanish = flatten(es);
  const english = flatten(en);

  it('have the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...spanish.keys()].sort());
  });

  it('use the same placeholders for each message', () => {
    for (const [key, message] of spanish) {
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(message));
    }
  });

  it('have no empty messages', () => {
    for (const [key, message] of [...spanish, ...english]) expect(message.trim(), key).not.toBe('');
  });
});
