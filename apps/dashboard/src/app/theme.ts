import { type CSSVariablesResolver, createTheme, darken } from '@mantine/core';

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

/** Colours used by badges, alerts and status text across the screens. */
const TEXT_COLORS = [
  'red',
  'orange',
  'yellow',
  'gray',
  'blue',
  'cyan',
  'teal',
  'violet',
  'green',
  'grape',
  'indigo',
  'pink',
];

/**
 * Mantine's defaults put dimmed text and light-variant badge text near 3.5:1; WCAG 2.2 AA needs
 * 4.5:1 for small text. Darker text in light mode, lighter in dark mode, one place for all screens.
 */
export const contrastVariables: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': t.colors.gray[7] };
  const dark: Record<string, string> = { '--mantine-color-dimmed': t.colors.dark[1] };
  for (const color of TEXT_COLORS) {
    // Shade 9 alone is ~3.8:1 on the tinted light-variant background of green and yellow.
    const strong = darken(t.colors[color][9], 0.3);
    light[`--mantine-color-${color}-light-color`] = strong;
    light[`--mantine-color-${color}-text`] = strong;
    light[`--mantine-color-${color}-outline`] = t.colors[color][9];
    dark[`--mantine-color-${color}-light-color`] = t.colors[color][2];
    dark[`--mantine-color-${color}-text`] = t.colors[color][3];
    dark[`--mantine-color-${color}-outline`] = t.colors[color][3];
  }
  return { variables: {}, light, dark };
};
