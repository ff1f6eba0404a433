import type { VenueQualificationStatus } from '../organisations/organisation-kind';
import type { OpeningSlot } from './opening-hours';

export const QUALIFICATION_DECISIONS = ['qualify', 'refuse', 'suspend', 'withdraw'] as const;
export type QualificationDecision = (typeof QUALIFICATION_DECISIONS)[number];

interface Transition {
  from: readonly VenueQualificationStatus[];
  to: VenueQualificationStatus;
  /** A venue is told why it is refused, suspended or withdrawn. */
  reasonRequired: boolean;
}

/**
 * ANCT's decisions on a venue. `pending → qualified | refused`; a qualified venue may be suspended
 * (reinstated later by `qualify`) or withdrawn; a refusal may be reconsidered; withdrawal is final
 * (a venue that comes back applies again under its SIRET after ANCT reopens it by hand).
 */
export const QUALIFICATION_TRANSITIONS: Record<QualificationDecision, Transition> = {
  qualify: { from: ['pending', 'refused', 'suspended'], to: 'qualified', reasonRequired: false },
  refuse: { from: ['pending'], to: 'refused', reasonRequired: true },
  suspend: { from: ['qualified'], to: 'suspended', reasonRequired: true },
  withdraw: { from: ['qualified', 'suspended'], to: 'withdrawn', reasonRequired: true },
};

/** The status after `decision`, or null when the decision does not apply to `current`. */
export function qualificationAfter(current: VenueQualificationStatus, decision: QualificationDecision): VenueQualificationStatus | null {
  const transition = QUALIFICATION_TRANSITIONS[decision];
  return transition.from.includes(current) ? transition.to : null;
}

/** `HH:MM`, 00:00 to 23:59. */
export const OPENING_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Problems with a week of opening slots (empty = fine): well-formed times, opening before closing, no overlap in a day. */
export function openingHoursProblems(slots: readonly OpeningSlot[]): string[] {
  const problems: string[] = [];
  slots.forEach((slot, index) => {
    if (!Number.isInteger(slot.day) || slot.day < 1 || slot.day > 7) problems.push(`slot ${index}: day must be 1 (Monday) to 7 (Sunday)`);
    if (!OPENING_TIME_PATTERN.test(slot.opens) || !OPENING_TIME_PATTERN.test(slot.closes))
      problems.push(`slot ${index}: times must be HH:MM`);
    else if (slot.opens >= slot.closes) problems.push(`slot ${index}: opens must be before closes`);
  });
  if (problems.length > 0) return problems;
  const sorted = [...slots].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens));
  sorted.forEach((current, index) => {
    const previous = sorted[index - 1];
    if (previous && previous.day === current.day && current.opens < previous.closes) {
      problems.push(`day ${current.day}: slots ${previous.opens}–${previous.closes} and ${current.opens}–${current.closes} overlap`);
    }
  });
  return problems;
}
