import { createTheme } from '@mantine/core';

/**
 * One theme for both colour schemes. Primary shade 8 keeps white text on filled buttons at a
 * contrast ratio above 4.5:1 (WCAG 2.2 AA) in light and dark mode.
 */
export const theme = createTheme({
  fontFamily: "'Inter Variable', system-ui, sans-serif",
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'sm',
  focusRing: 'auto',
});
