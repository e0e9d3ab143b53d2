import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from './contrast.js';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, whichever comes first', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#228be6', '#228be6')).toBe(1);
  });

  it("gives Mantine's default blue button the 3.5:1 that fails AA", () => {
    expect(contrastRatio('#ffffff', DEFAULT_THEME.colors.blue[6])).toBeCloseTo(3.55, 1);
  });
});

describe('readableOn', () => {
  it('keeps a colour that already reads', () => {
    expect(readableOn('#1864ab', '#ffffff')).toBe('#1864ab');
  });

  it('darkens every Mantine shade 9 until it reads on its own shade 1', () => {
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const text = readableOn(shades[9], shades[1]);
      expect(contrastRatio(text, shades[1]), name).toBeGreaterThanOrEqual(4.6);
    }
  });

  it('changes yellow, which no Mantine shade makes readable on white', () => {
    const text = readableOn(DEFAULT_THEME.colors.yellow[9], '#ffffff');
    expect(text).not.toBe(DEFAULT_THEME.colors.yellow[9]);
    expect(contrastRatio(text, '#ffffff')).toBeGreaterThanOrEqual(4.6);
  });
});
