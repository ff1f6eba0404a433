/**
 * A first name or nickname as printed on the cover: Latin letters (accents included, the PDF fonts can
 * draw them), spaces, hyphens, apostrophes, dots. No digits, so that nobody types an identifier there.
 * Pure, without Node: the hand-out form in the browser flags a refused name with this same pattern.
 */
export const FIRST_NAME_PATTERN = /^\p{Script=Latin}[\p{Script=Latin}\p{M} '’.-]{0,39}$/u;
