import { endOfParisDay } from '../../common/time/paris-time';
import { ProgrammeError } from './programmes.errors';

/** A chèque is valid until the end of the programme's last day, Paris time (what the carnet prints). */
export function voucherExpiresAt(validUntil: string): Date {
  return endOfParisDay(validUntil);
}

/** ANCT grants each funder an envelope within the programme's per-funder cap. */
export function assertEnvelopeWithinCap(envelopeCents: bigint, funderCapCents: bigint): void {
  if (envelopeCents > funderCapCents) {
    throw new ProgrammeError('ENVELOPE_ABOVE_CAP', `The envelope exceeds the programme's per-funder cap.`, {
      rule: 'defaultFunderCapCents',
      defaultFunderCapCents: funderCapCents.toString(),
      envelopeCents: envelopeCents.toString(),
    });
  }
}
