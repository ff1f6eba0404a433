let counter = 0;

/** Appends the Luhn check digit that makes `digits` + check valid. */
function withLuhnCheckDigit(digits: string): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = `${digits}${check}`;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let digit = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) {
        digit *= 2;
        if (digit > 9) digit -= 9;
      }
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

function nextDigits(length: number): string {
  counter += 1;
  const random = Math.floor(Math.random() * 10 ** 6);
  return `1${String(random).padStart(6, '0')}${String(counter).padStart(6, '0')}`.slice(0, length);
}

export function uniqueSiren(): string {
  return withLuhnCheckDigit(nextDigits(8));
}

export function uniqueSiret(): string {
  return withLuhnCheckDigit(nextDigits(13));
}

export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}.${counter}.${Math.random().toString(36).slice(2, 8)}@example.fr`;
}
