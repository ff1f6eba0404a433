/**
 * French public identifiers. SIREN (9 digits) and SIRET (14 digits) carry a Luhn key; La Poste's
 * establishments (SIREN 356000000) are the documented exception: their SIRET digits sum to a multiple of 5.
 */
const LA_POSTE_SIREN = '356000000';

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && luhnValid(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== `${LA_POSTE_SIREN}00048`) {
    return digitSum(value) % 5 === 0;
  }
  return luhnValid(value);
}

export function sirenOfSiret(siret: string): string {
  return siret.slice(0, 9);
}

/** Département codes: metropolitan 01–95 (Corsica 2A/2B instead of 20) and overseas 971–976. */
export const DEPARTEMENT_CODE_PATTERN = /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$/;

/** Commune INSEE codes: 5 characters, the first two (or three overseas) being the département. */
export const COMMUNE_INSEE_CODE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;

export function departementOfCommune(inseeCode: string): string {
  return inseeCode.startsWith('97') ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  return [...digits].reduce((sum, digit) => sum + Number(digit), 0);
}
