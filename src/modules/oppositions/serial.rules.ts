/** A printed chèque serial, `2026-0042-000123-07`. Pure, without Node: the opposition form checks a typed serial with it. */
export const VOUCHER_SERIAL_PATTERN = /^\d{4}-\d{4,}-\d{6,}-\d{2}$/;
