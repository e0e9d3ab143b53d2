import { DEFAULT_THEME, getPrimaryShade, isLightColor, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.js';
import { buildTheme, resolveCssVariables } from './theme.js';

const theme = mergeMantineTheme(DEFAULT_THEME, buildTheme('Cerrar'));
const light: Record<string, string> = resolveCssVariables(theme).light;
const variable = (name: string) => {
  const value = light[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const WHITE = '#ffffff';
const AA = 4.5;

describe('the theme reads at WCAG AA', () => {
  it('puts white on the primary colour at 4.5:1 or more', () => {
    const shade = getPrimaryShade(theme, 'light');
    expect(contrastRatio(WHITE, theme.colors.blue[shade])).toBeGreaterThanOrEqual(AA);
  });

  it('gives dimmed text and placeholders 4.5:1 on white', () => {
    expect(contrastRatio(variable('--mantine-color-dimmed'), WHITE)).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(variable('--mantine-color-placeholder'), WHITE)).toBeGreaterThanOrEqual(AA);
  });

  for (const [name, shades] of Object.entries(theme.colors)) {
    it(`makes ${name} words readable: as text, outline and on its light tint`, () => {
      for (const background of [WHITE, shades[0]]) {
        expect(contrastRatio(variable(`--mantine-color-${name}-text`), background)).toBeGreaterThanOrEqual(AA);
        expect(contrastRatio(variable(`--mantine-color-${name}-outline`), background)).toBeGreaterThanOrEqual(AA);
      }
      for (const tint of [shades[1], shades[2]]) {
        expect(contrastRatio(variable(`--mantine-color-${name}-light-color`), tint)).toBeGreaterThanOrEqual(AA);
      }
    });
  }

  it('gives each filled colour words that read on it, white or dark as autoContrast picks', () => {
    const shade = getPrimaryShade(theme, 'light');
    for (const [name, shades] of Object.entries(theme.colors)) {
      const background = shades[shade];
      // Mantine's own choice: dark words above the theme's luminance threshold, white below.
      const words = isLightColor(background, theme.luminanceThreshold) ? theme.black : WHITE;
      expect(contrastRatio(words, background), name).toBeGreaterThanOrEqual(AA);
    }
  });
});
