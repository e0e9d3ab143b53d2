import { describe, expect, it } from 'vitest';
import { textThemes } from './text-themes.js';

describe('free-text themes', () => {
  const answers = [
    'La respuesta telefónica demora demasiado.',
    'Demoran mucho en contestar el teléfono, gracias.',
    'Muy buena atención del técnico.',
    'The phone line takes too long; teléfono siempre ocupado',
    'Excelente atención',
    'Hola, nada que agregar. Saludos',
  ];

  it('finds the terms several answers share, accent and plural folded, with quotes', () => {
    const themes = textThemes(answers);
    expect(themes.map((theme) => [theme.term, theme.answers])).toEqual([
      ['atención', 2],
      ['teléfono', 2],
    ]);
    expect(themes[1]?.quotes).toEqual([
      'Demoran mucho en contestar el teléfono, gracias.',
      'The phone line takes too long; teléfono siempre ocupado',
    ]);
  });

  it('leaves out courtesies and stop words, and terms one answer used', () => {
    const terms = textThemes(answers).map((theme) => theme.term);
    for (const word of ['hola', 'saludos', 'gracias', 'muy', 'the', 'excelente']) expect(terms).not.toContain(word);
  });

  it('cuts long quotes and limits the list', () => {
    const long = `${'servidor lento '.repeat(40)}fin`;
    const [theme] = textThemes([long, long], { limit: 1 });
    expect(theme?.quotes[0]?.length).toBe(200);
    expect(theme?.quotes[0]?.endsWith('…')).toBe(true);
    expect(textThemes([long, long], { limit: 1 })).toHaveLength(1);
  });
});
