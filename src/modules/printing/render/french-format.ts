/**
 * Text as printed on a carnet: French money and dates, and only characters the PDF's built-in fonts
 * (WinAnsi encoding) can draw. Pure: runs in the render thread.
 */
import { formatParisLongDate, formatParisShortDate } from '../../../common/time/paris-time';

const NO_BREAK_SPACE = '\u00a0';

/** `10,00 €` (a no-break space keeps the amount and its symbol on one line); `1 250,00 €` above a thousand. */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an amount in cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const euros = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NO_BREAK_SPACE);
  return `${sign}${euros},${String(absolute % 100).padStart(2, '0')}${NO_BREAK_SPACE}€`;
}

export const formatLongDate = formatParisLongDate;
export const formatShortDate = formatParisShortDate;

// WinAnsi (CP1252) beyond Latin-1: the characters of 0x80–0x9F.
const WIN_ANSI_EXTRAS = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

// Latin letters with a stroke do not decompose into letter + accent.
const STROKED_LETTERS: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0);
  if (code === undefined) return false;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * Keeps what the font can draw; otherwise drops the accent (ş → s, ő → o) rather than print a wrong glyph.
 * Line breaks and other control characters become spaces.
 */
export function toPrintableText(text: string): string {
  let printable = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) printable += char;
    else if (/\s/u.test(char)) printable += ' ';
    else if (STROKED_LETTERS[char]) printable += STROKED_LETTERS[char];
    else printable += [...char.normalize('NFD').replace(/\p{M}/gu, '')].filter(isWinAnsi).join('');
  }
  return printable;
}
