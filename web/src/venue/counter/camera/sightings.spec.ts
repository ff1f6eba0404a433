import { Sightings } from './sightings';

describe('Sightings', () => {
  it('reports a code when it comes into view, not while it stays there', () => {
    const sightings = new Sightings(1000);
    expect(sightings.fresh(['A'], 0)).toEqual(['A']);
    expect(sightings.fresh(['A'], 100)).toEqual([]);
    expect(sightings.fresh(['A', 'B'], 900)).toEqual(['B']);
    // Still in view long after the first sighting: never new again.
    expect(sightings.fresh(['A'], 1800)).toEqual([]);
    expect(sightings.fresh(['A'], 2700)).toEqual([]);
  });

  it('reports it again once it has been out of view longer than the delay', () => {
    const sightings = new Sightings(1000);
    sightings.fresh(['A'], 0);
    expect(sightings.fresh([], 500)).toEqual([]);
    expect(sightings.fresh(['A'], 900)).toEqual([]);
    expect(sightings.fresh([], 1500)).toEqual([]);
    expect(sightings.fresh(['A'], 2000)).toEqual(['A']);
  });

  it('reports a code read twice in one frame once', () => {
    expect(new Sightings(1000).fresh(['A', 'A'], 0)).toEqual(['A']);
  });

  it('keeps a code handled slowly from coming back as new, and forgets everything when the camera stops', () => {
    const sightings = new Sightings(1000);
    sightings.fresh(['A'], 0);
    sightings.stillSeen('A', 3000);
    expect(sightings.fresh(['A'], 3500)).toEqual([]);
    sightings.clear();
    expect(sightings.fresh(['A'], 3600)).toEqual(['A']);
  });

  it('remembers only the codes seen within the delay (no growth over hundreds of scans)', () => {
    const sightings = new Sightings(1000);
    for (let scan = 0; scan < 500; scan++) sightings.fresh([`code ${scan}`], scan * 2000);
    expect(sightings.size).toBe(1);
  });
});
