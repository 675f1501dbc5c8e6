import { decodeHTML, replaceCodePoint } from 'entities/decode';

// HTML character references, by the `entities` package: the whole HTML5 table (2 231
// names), the legacy names browsers decode without a semicolon ("&copy 2024",
// "&nbsp2"), and numeric references as the HTML5 tokenizer maps them (the C1 range
// as Windows-1252, NUL, surrogates and out-of-range as U+FFFD). An unknown name is
// left as written, as browsers do.

const NUMERIC = /&#(?:(\d{1,8})|[xX]([0-9a-fA-F]{1,7}));?/g;

/** A control character a numeric reference may name but a reader cannot see (tab, newline, form feed and return stay). */
function isInvisibleControl(code: number): boolean {
  return (code > 0 && code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code < 0xa0);
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  // References to control characters carry nothing a reader can see: dropped, as they were before the table was a library's.
  const visible = s.replace(NUMERIC, (whole, dec: string | undefined, hex: string | undefined) => {
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return code <= 0x10ffff && isInvisibleControl(replaceCodePoint(code)) ? '' : whole;
  });
  return decodeHTML(visible);
}
