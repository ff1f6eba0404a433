/**
 * Deepest nesting of objects and arrays a JSON body may have. Our DTOs go four levels down (a venue
 * application's sites, their opening hours); the margin is for clients that wrap, never for 20,000
 * levels that overflow the stack of every recursive step after parsing (transformation, validation).
 */
export const MAX_JSON_DEPTH = 16;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when `text` opens more than `maxDepth` objects or arrays inside each other. A single pass over the
 * characters, before parsing, outside strings (where brackets are text). Only meant for text that is then
 * parsed: a malformed text may count wrong here, and the parser refuses it anyway.
 */
export function exceedsJsonDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === BACKSLASH) index++;
      else if (character === QUOTE) inString = false;
    } else if (character === QUOTE) {
      inString = true;
    } else if (character === OPEN_BRACE || character === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (character === CLOSE_BRACE || character === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
