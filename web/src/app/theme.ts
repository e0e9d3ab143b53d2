import { Badge, type CSSVariablesResolver, createTheme, Modal, Select } from '@mantine/core';
import { readableOn } from './contrast.js';

/** Hints and secondary text: Mantine's gray.6 reads at 3.3:1 on white; this grey at 5.8:1 (4.7:1 on a light tint). */
const DIMMED = '#5f666d';
/** Placeholders are words too (a filter's "Any status"): 4.9:1 on white, still lighter than a value. */
const PLACEHOLDER = '#6b7178';

/** The look of Mesa. Built per language, because some defaults are words (the close buttons' labels). */
export function buildTheme(closeLabel: string) {
  return createTheme({
    primaryColor: 'blue',
    // Buttons, filled badges and links use shade 8: white on blue.8 reads at 5:1 (Mantine's default 6: 3.5:1).
    primaryShade: 8,
    // A filled colour too light for white text at 4.5:1 (orange, teal, green, yellow) carries dark text
    // instead; at this luminance either reads at 4.5:1, and red.8 (0.1828) keeps its white text.
    autoContrast: true,
    luminanceThreshold: 0.183,
    defaultRadius: 'md',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
    headings: { fontWeight: '650' },
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      // A searchable select opens its list when clicked, typed in or arrowed into, not merely on focus:
      // a modal that focuses one first would otherwise open the list by itself over the form.
      Select: Select.extend({ defaultProps: { openOnFocus: false } }),
      // Sentence case reads better in Spanish; a badge in a narrow table column keeps its whole word.
      Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' }, label: { textTransform: 'none' } } }),
    },
  });
}

/**
 * Text colours that pass WCAG AA (4.5:1) in the light scheme: dimmed text, errors, and each colour's
 * text (`c="teal"`), outline and light-variant text (a badge's words on its pale tint), darkened
 * where Mantine's palette is too light for words.
 */
export const resolveCssVariables: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': DIMMED,
    '--mantine-color-placeholder': PLACEHOLDER,
    '--mantine-color-error': 'var(--mantine-color-red-text)',
  };
  for (const [name, shades] of Object.entries(theme.colors)) {
    // Against shade 0, not white: a note's words sit on its own colour's palest tint.
    light[`--mantine-color-${name}-text`] = readableOn(shades[8], shades[0]);
    light[`--mantine-color-${name}-outline`] = readableOn(shades[8], shades[0]);
    // Light variants sit on shade 1 and turn shade 2 under the pointer (an active nav link, hovered).
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2]);
  }
  return { variables: {}, light, dark: {} };
};
