// The briefs' sizes and colours, shared by the templates (which choose emphasis) and both writers.
export const THEME = {
  body: 9.5,
  small: 8,
  tiny: 7,
  h1: 15,
  h2: 12,
  h3: 10,
  text: '#1a1a1a',
  muted: '#5a5a5a',
  accent: '#1f3a5f',
  rule: '#b8c2cc',
  fill: '#e9eef4',
  labelFill: '#f3f5f8',
  stamp: '#b00020',
  /** Line pitch as a multiple of the font size; DejaVu's glyph box is ~1.17 em tall. */
  leading: 1.36,
} as const;
