/**
 * `YYYY-OOOO-CCCCCC` as built by `buildCarnetNumber` (widths are minimums). Pure, without Node: the
 * prescriber's desk recognises a typed carnet number with this same pattern.
 */
export const CARNET_NUMBER_PATTERN = /^(\d{4})-(\d{4,})-(\d{6,})$/;
