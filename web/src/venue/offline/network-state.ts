/**
 * Whether the counter can count on the API, beyond what the browser says. A phone on a bad network often
 * reports `navigator.onLine === true` while nothing gets through: a call that throws, that gets no answer in
 * time, or that our API answers "unavailable" puts the counter in the degraded mode — the same local
 * verification and queue as without network — until a probe gets a prompt answer again.
 *
 *   online ──(call unreachable)──▶ degraded ──(probe due)──▶ probing ──(answered)──▶ online
 *                                     ▲                          │
 *                                     └────(no answer: wait longer)┘
 */

/**
 * How long a check or a redemption may wait for its answer. The API answers both in well under a second,
 * and a request is a few hundred bytes: past 8 s the network is not merely slow but unusable, and the person
 * at the counter has waited long enough. It still leaves room for a 2G/EDGE connection setting up TLS
 * (two or three seconds) without flipping the counter for one slow round trip.
 */
export const REQUEST_TIMEOUT_MS = 8_000;

/**
 * A probe must answer within half of that: a network that answers the tiny probe only just in time would
 * fail the next check again, and the counter would flip back and forth, costing the agent 8 s each time.
 */
export const PROBE_TIMEOUT_MS = REQUEST_TIMEOUT_MS / 2;

/** The first probe soon after the failure (a blip is often over by then), then twice as long each time… */
export const PROBE_FIRST_DELAY_MS = 2_000;
/** …up to this: the queue waits at most this long once the network is back. */
export const PROBE_MAX_DELAY_MS = 30_000;

/** Why the API could not be reached: no HTTP answer at all, none in time, or "unavailable" (502, 503, 504). */
export type UnreachableCause = 'network' | 'timeout' | 'unavailable';

export type NetworkState =
  | { status: 'online' }
  | { status: 'degraded'; cause: UnreachableCause; failedProbes: number; nextProbeAt: number }
  | { status: 'probing'; cause: UnreachableCause; failedProbes: number };

export type NetworkEvent =
  /** A call of the counter got no usable answer. */
  | { type: 'unreachable'; cause: UnreachableCause; at: number }
  /** The agent asked to try again, or the browser says its network came back: probe at once. */
  | { type: 'probe_now'; at: number }
  | { type: 'probe_started' }
  /** `jitter` in [0, 1): spreads the probes of many phones when the API comes back after an outage. */
  | { type: 'probe_failed'; at: number; jitter: number }
  | { type: 'probe_succeeded' };

export const ONLINE: NetworkState = { status: 'online' };

/** The wait before the next probe once `failedProbes` probes have failed: doubling, capped, ±25 % jitter. */
export function probeDelayMs(failedProbes: number, jitter: number): number {
  const base = Math.min(PROBE_FIRST_DELAY_MS * 2 ** failedProbes, PROBE_MAX_DELAY_MS);
  return Math.round(base * (0.75 + 0.5 * jitter));
}

/** The next state; the same object when the event changes nothing (a late probe result, a second failure). */
export function nextNetworkState(state: NetworkState, event: NetworkEvent): NetworkState {
  switch (event.type) {
    case 'unreachable':
      // Already degraded: the probes decide, and their back-off goes on.
      return state.status === 'online'
        ? { status: 'degraded', cause: event.cause, failedProbes: 0, nextProbeAt: event.at + PROBE_FIRST_DELAY_MS }
        : state;
    case 'probe_now':
      return state.status === 'degraded' && state.nextProbeAt > event.at ? { ...state, nextProbeAt: event.at } : state;
    case 'probe_started':
      return state.status === 'degraded' ? { status: 'probing', cause: state.cause, failedProbes: state.failedProbes } : state;
    case 'probe_failed':
      if (state.status !== 'probing') return state;
      return {
        status: 'degraded',
        cause: state.cause,
        failedProbes: state.failedProbes + 1,
        nextProbeAt: event.at + probeDelayMs(state.failedProbes + 1, event.jitter),
      };
    case 'probe_succeeded':
      return state.status === 'probing' ? ONLINE : state;
  }
}

/** What a call gave: an HTTP answer with its status, or the error it threw. */
export type CallResult = { status: number } | { threw: unknown };

/**
 * Whether a call's result means the API cannot be reached; null when the API answered (a refusal is an
 * answer). A 502, 503 or 504 says the API itself cannot serve the request (ours sends 503 SERVICE_UNAVAILABLE
 * when its database is down; a gateway sends the others). An error that is neither a network failure nor the
 * deadline is a bug, not the network: null, and the caller rethrows it.
 */
export function unreachableCause(result: CallResult): UnreachableCause | null {
  if ('status' in result) return result.status === 502 || result.status === 503 || result.status === 504 ? 'unavailable' : null;
  const name = result.threw instanceof Error || result.threw instanceof DOMException ? result.threw.name : null;
  // fetch rejects with a TypeError when no HTTP answer came; AbortSignal.timeout aborts with a TimeoutError
  // (an AbortError in older engines).
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout';
  if (result.threw instanceof TypeError) return 'network';
  return null;
}

export type CounterMode = 'online' | 'offline' | 'degraded';

/** The counter's mode: the browser's own flag first (no network at all), then what the API calls showed. */
export function counterMode(state: NetworkState, browserOnline: boolean): CounterMode {
  if (!browserOnline) return 'offline';
  return state.status === 'online' ? 'online' : 'degraded';
}
