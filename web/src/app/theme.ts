import { Badge, createTheme, Modal } from '@mantine/core';

/** The look of Mesa. Built per language, because some defaults are words (the close buttons' labels). */
export function buildTheme(closeLabel: string) {
  return createTheme({
    primaryColor: 'blue',
    defaultRadius: 'md',
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
    headings: { fontWeight: '650' },
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      // Sentence case reads better in Spanish; a badge in a narrow table column keeps its whole word.
      Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' }, label: { textTransform: 'none' } } }),
    },
  });
}
