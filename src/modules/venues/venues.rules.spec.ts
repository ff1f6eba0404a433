import type { VenueQualificationStatus } from '../organisations/organisation-kind';
import { openingHoursProblems, qualificationAfter, type QualificationDecision } from './venues.rules';

describe('qualificationAfter', () => {
  it.each<[VenueQualificationStatus, QualificationDecision, VenueQualificationStatus | null]>([
    ['pending', 'qualify', 'qualified'],
    ['pending', 'refuse', 'refused'],
    ['pending', 'suspend', null],
    ['pending', 'withdraw', null],
    ['qualified', 'qualify', null],
    ['qualified', 'refuse', null],
    ['qualified', 'suspend', 'suspended'],
    ['qualified', 'withdraw', 'withdrawn'],
    ['suspended', 'qualify', 'qualified'],
    ['suspended', 'suspend', null],
    ['suspended', 'withdraw', 'withdrawn'],
    ['refused', 'qualify', 'qualified'],
    ['refused', 'refuse', null],
    ['withdrawn', 'qualify', null],
    ['withdrawn', 'suspend', null],
  ])('%s + %s → %s', (current, decision, expected) => {
    expect(qualificationAfter(current, decision)).toBe(expected);
  });
});

describe('openingHoursProblems', () => {
  it('accepts a normal week, including two slots a day and none on Sunday', () => {
    expect(
      openingHoursProblems([
        { day: 1, opens: '09:00', closes: '12:00' },
        { day: 1, opens: '14:00', closes: '18:00' },
        { day: 3, opens: '09:30', closes: '17:30' },
      ]),
    ).toEqual([]);
    expect(openingHoursProblems([])).toEqual([]);
  });

  it.each([
    [[{ day: 0, opens: '09:00', closes: '12:00' }], 'day must be'],
    [[{ day: 8, opens: '09:00', closes: '12:00' }], 'day must be'],
    [[{ day: 1, opens: '9:00', closes: '12:00' }], 'HH:MM'],
    [[{ day: 1, opens: '24:00', closes: '12:00' }], 'HH:MM'],
    [[{ day: 1, opens: '12:00', closes: '12:00' }], 'before closes'],
    [[{ day: 1, opens: '14:00', closes: '09:00' }], 'before closes'],
    [
      [
        { day: 2, opens: '09:00', closes: '12:30' },
        { day: 2, opens: '12:00', closes: '18:00' },
      ],
      'overlap',
    ],
  ])('refuses %j', (slots, problem) => {
    expect(openingHoursProblems(slots).join(' ')).toContain(problem);
  });

  it('allows back-to-back slots', () => {
    expect(
      openingHoursProblems([
        { day: 2, opens: '09:00', closes: '12:00' },
        { day: 2, opens: '12:00', closes: '13:00' },
      ]),
    ).toEqual([]);
  });
});
