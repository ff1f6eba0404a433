import {
  counterMode,
  type NetworkState,
  nextNetworkState,
  ONLINE,
  PROBE_FIRST_DELAY_MS,
  PROBE_MAX_DELAY_MS,
  probeDelayMs,
  unreachableCause,
} from './network-state';

const AT = 1_000_000;
const degraded: NetworkState = { status: 'degraded', cause: 'timeout', failedProbes: 0, nextProbeAt: AT + PROBE_FIRST_DELAY_MS };

describe('nextNetworkState', () => {
  it('goes degraded on the first unreachable call, with a first probe soon after', () => {
    expect(nextNetworkState(ONLINE, { type: 'unreachable', cause: 'timeout', at: AT })).toEqual(degraded);
  });

  it('walks online → degraded → probing → online', () => {
    let state = nextNetworkState(ONLINE, { type: 'unreachable', cause: 'network', at: AT });
    state = nextNetworkState(state, { type: 'probe_started' });
    expect(state).toEqual({ status: 'probing', cause: 'network', failedProbes: 0 });
    expect(nextNetworkState(state, { type: 'probe_succeeded' })).toBe(ONLINE);
  });

  it('waits twice as long after each failed probe, up to the cap', () => {
    let state: NetworkState = degraded;
    const waits: number[] = [];
    for (let probe = 0; probe < 6; probe++) {
      state = nextNetworkState(state, { type: 'probe_started' });
      const at = AT + probe * 100_000;
      state = nextNetworkState(state, { type: 'probe_failed', at, jitter: 0.5 });
      if (state.status !== 'degraded') throw new Error('a failed probe leaves the counter degraded');
      waits.push(state.nextProbeAt - at);
    }
    expect(waits).toEqual([4_000, 8_000, 16_000, PROBE_MAX_DELAY_MS, PROBE_MAX_DELAY_MS, PROBE_MAX_DELAY_MS]);
    expect(state).toMatchObject({ status: 'degraded', cause: 'timeout', failedProbes: 6 });
  });

  it('does not reset the back-off when another call fails while degraded or probing', () => {
    const later: NetworkState = { status: 'degraded', cause: 'timeout', failedProbes: 3, nextProbeAt: AT + 16_000 };
    expect(nextNetworkState(later, { type: 'unreachable', cause: 'network', at: AT + 1 })).toBe(later);
    const probing: NetworkState = { status: 'probing', cause: 'timeout', failedProbes: 3 };
    expect(nextNetworkState(probing, { type: 'unreachable', cause: 'unavailable', at: AT + 1 })).toBe(probing);
  });

  it('probes at once when asked, and only when degraded', () => {
    expect(nextNetworkState(degraded, { type: 'probe_now', at: AT + 1 })).toEqual({ ...degraded, nextProbeAt: AT + 1 });
    expect(nextNetworkState(ONLINE, { type: 'probe_now', at: AT })).toBe(ONLINE);
    const probing: NetworkState = { status: 'probing', cause: 'timeout', failedProbes: 0 };
    expect(nextNetworkState(probing, { type: 'probe_now', at: AT })).toBe(probing);
  });

  it.each([
    ['probe_started while online', ONLINE, { type: 'probe_started' }],
    ['probe_failed while online', ONLINE, { type: 'probe_failed', at: AT, jitter: 0 }],
    ['probe_succeeded while online', ONLINE, { type: 'probe_succeeded' }],
    ['probe_failed while no probe runs', degraded, { type: 'probe_failed', at: AT, jitter: 0 }],
    ['probe_succeeded while no probe runs', degraded, { type: 'probe_succeeded' }],
  ] as const)('ignores a stray %s', (_name, state, event) => {
    expect(nextNetworkState(state, event)).toBe(state);
  });
});

describe('probeDelayMs', () => {
  it('spreads each wait by ±25 % and never past the cap plus its jitter', () => {
    expect(probeDelayMs(0, 0)).toBe(PROBE_FIRST_DELAY_MS * 0.75);
    expect(probeDelayMs(0, 0.999_999)).toBe(PROBE_FIRST_DELAY_MS * 1.25);
    expect(probeDelayMs(50, 0.5)).toBe(PROBE_MAX_DELAY_MS);
  });
});

describe('unreachableCause', () => {
  it.each([
    ['no HTTP answer (fetch threw a TypeError) → network', { threw: new TypeError('Failed to fetch') }, 'network'],
    ['the deadline (TimeoutError) → timeout', { threw: new DOMException('signal timed out', 'TimeoutError') }, 'timeout'],
    ['an abort (older engines on timeout) → timeout', { threw: new DOMException('The operation was aborted.', 'AbortError') }, 'timeout'],
    ['503 from our API → unavailable', { status: 503 }, 'unavailable'],
    ['502 from a gateway → unavailable', { status: 502 }, 'unavailable'],
    ['504 from a gateway → unavailable', { status: 504 }, 'unavailable'],
  ] as const)('%s', (_name, result, cause) => {
    expect(unreachableCause(result)).toBe(cause);
  });

  it.each([
    ['200', { status: 200 }],
    ['409', { status: 409 }],
    ['422', { status: 422 }],
    ['500', { status: 500 }],
    ['a bug thrown', { threw: new RangeError('bug') }],
  ] as const)('an answer, or a bug, is not the network: %s', (_name, result) => {
    expect(unreachableCause(result)).toBeNull();
  });
});

describe('counterMode', () => {
  it('is offline when the browser says so, degraded while the API does not answer, online otherwise', () => {
    expect(counterMode(ONLINE, false)).toBe('offline');
    expect(counterMode(degraded, false)).toBe('offline');
    expect(counterMode(degraded, true)).toBe('degraded');
    expect(counterMode({ status: 'probing', cause: 'timeout', failedProbes: 1 }, true)).toBe('degraded');
    expect(counterMode(ONLINE, true)).toBe('online');
  });
});
