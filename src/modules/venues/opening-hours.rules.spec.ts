import { isOpenAt, openingHoursProblem, openingStateAt, slotsToOpeningHours, weekOpeningHours } from './opening-hours.rules';

const WEEKDAYS = 'Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:30';

describe('opening hours (OSM syntax, Paris time)', () => {
  it.each([
    ['Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00', true],
    ['24/7', true],
    ['Mo-Fr 09:00-17:00; PH off', true],
    ['tous les jours sauf le mardi', false],
    ['Mo-Fr 25:00-26:00', false],
  ])('%s is read by the parser: %s', (value, valid) => {
    expect(openingHoursProblem(value) === null).toBe(valid);
  });

  it('explains a refused value in French with an example', () => {
    expect(openingHoursProblem('appelez-nous')).toMatch(/^les horaires ne sont pas au format OpenStreetMap \(exemple/);
  });

  it('writes weekly slots in OSM syntax, days in order and slots sorted', () => {
    expect(
      slotsToOpeningHours([
        { day: 6, opens: '09:00', closes: '12:30' },
        { day: 1, opens: '14:00', closes: '18:00' },
        { day: 1, opens: '09:00', closes: '12:00' },
      ]),
    ).toBe('Mo 09:00-12:00,14:00-18:00; Sa 09:00-12:30');
    expect(slotsToOpeningHours([])).toBeNull();
  });

  describe('in winter (UTC+1)', () => {
    // Wednesday 4 February 2026.
    it('open until the end of the slot', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-02-04T16:15:00Z'))).toEqual({
        openNow: true,
        text: "Ouvert maintenant, jusqu'à 18 h",
      });
    });
    it('closed at lunch, opens again today', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-02-04T11:30:00Z'))).toEqual({
        openNow: false,
        text: "Fermé, ouvre aujourd'hui à 14 h",
      });
    });
    it('closed in the evening, opens tomorrow', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-02-04T18:00:00Z'))).toEqual({ openNow: false, text: 'Fermé, ouvre demain à 9 h' });
    });
    it('closed on Saturday afternoon, opens on Monday', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-02-07T13:00:00Z'))).toEqual({ openNow: false, text: 'Fermé, ouvre lundi à 9 h' });
    });
    it('says the minutes when a slot ends on a half hour', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-02-07T10:00:00Z')).text).toBe("Ouvert maintenant, jusqu'à 12 h 30");
    });
  });

  describe('across the spring change (Sunday 29 March 2026, 2 h → 3 h)', () => {
    it('Saturday 28 March, 11:30 Paris = 10:30 UTC: open', () => {
      expect(isOpenAt(WEEKDAYS, new Date('2026-03-28T10:30:00Z'))).toBe(true);
    });
    it('Monday 30 March, 17:30 Paris is 15:30 UTC (UTC+2): open until 18 h', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-03-30T15:30:00Z'))).toEqual({
        openNow: true,
        text: "Ouvert maintenant, jusqu'à 18 h",
      });
    });
    it('Monday 30 March, 16:30 UTC is 18:30 in Paris: closed (a fixed UTC+1 would still say open)', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-03-30T16:30:00Z'))).toEqual({ openNow: false, text: 'Fermé, ouvre demain à 9 h' });
    });
    it('Monday 30 March, 07:30 UTC is 9:30 in Paris: open', () => {
      expect(isOpenAt(WEEKDAYS, new Date('2026-03-30T07:30:00Z'))).toBe(true);
    });
    it('on the night of the change, a place open 01:00-04:00 is open at 3:30 Paris (01:30 UTC)', () => {
      expect(openingStateAt('Su 01:00-04:00', new Date('2026-03-29T01:30:00Z'))).toEqual({
        openNow: true,
        text: "Ouvert maintenant, jusqu'à 4 h",
      });
    });
  });

  describe('across the autumn change (Sunday 25 October 2026, 3 h → 2 h)', () => {
    it('Friday 23 October, 17:30 Paris is 15:30 UTC (UTC+2): open', () => {
      expect(isOpenAt(WEEKDAYS, new Date('2026-10-23T15:30:00Z'))).toBe(true);
    });
    it('Monday 26 October, 17:30 Paris is 16:30 UTC (UTC+1): open until 18 h', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-10-26T16:30:00Z'))).toEqual({
        openNow: true,
        text: "Ouvert maintenant, jusqu'à 18 h",
      });
    });
    it('Monday 26 October, 07:30 UTC is 8:30 in Paris: closed, opens today at 9 h (a fixed UTC+2 would say open)', () => {
      expect(openingStateAt(WEEKDAYS, new Date('2026-10-26T07:30:00Z'))).toEqual({
        openNow: false,
        text: "Fermé, ouvre aujourd'hui à 9 h",
      });
    });
  });

  it('is closed on a French public holiday when the value says PH off (14 July 2026, a Tuesday)', () => {
    expect(isOpenAt('Mo-Fr 09:00-18:00; PH off', new Date('2026-07-14T08:00:00Z'))).toBe(false);
    expect(isOpenAt('Mo-Fr 09:00-18:00; PH off', new Date('2026-07-15T08:00:00Z'))).toBe(true);
  });

  it('lists the week in French from Monday', () => {
    expect(weekOpeningHours(WEEKDAYS, new Date('2026-03-29T12:00:00Z'))).toEqual([
      { day: 'lundi', hours: '9 h – 12 h, 14 h – 18 h' },
      { day: 'mardi', hours: '9 h – 12 h, 14 h – 18 h' },
      { day: 'mercredi', hours: '9 h – 12 h, 14 h – 18 h' },
      { day: 'jeudi', hours: '9 h – 12 h, 14 h – 18 h' },
      { day: 'vendredi', hours: '9 h – 12 h, 14 h – 18 h' },
      { day: 'samedi', hours: '9 h – 12 h 30' },
      { day: 'dimanche', hours: 'fermé' },
    ]);
  });
});
