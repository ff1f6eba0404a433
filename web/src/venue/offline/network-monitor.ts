import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../../api/client';
import {
  type CounterMode,
  counterMode,
  type NetworkEvent,
  type NetworkState,
  nextNetworkState,
  ONLINE,
  PROBE_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  type UnreachableCause,
  unreachableCause,
} from './network-state';

/**
 * The one network state of the page (network-state.ts holds its rules): every counter call reports to it,
 * and while degraded it probes the API's readiness with back-off — only while a counter is open and the
 * browser believes it has a network (otherwise its own `online` event tells when to try).
 */
let state: NetworkState = ONLINE;
const listeners = new Set<() => void>();
let probeTimer: ReturnType<typeof setTimeout> | undefined;

function dispatch(event: NetworkEvent): void {
  const next = nextNetworkState(state, event);
  if (next === state) return;
  state = next;
  scheduleProbe();
  for (const listener of listeners) listener();
}

function scheduleProbe(): void {
  clearTimeout(probeTimer);
  probeTimer = undefined;
  if (state.status !== 'degraded' || listeners.size === 0 || !navigator.onLine) return;
  probeTimer = setTimeout(() => void probe(), Math.max(0, state.nextProbeAt - Date.now()));
}

/** `/health/ready`: public and cheap, and it answers 503 while the database or Redis is down, as a check would. */
async function probe(): Promise<void> {
  dispatch({ type: 'probe_started' });
  let answered = false;
  try {
    const answer = await api.GET('/health/ready', { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), cache: 'no-store' });
    answered = answer.response.ok;
  } catch {
    answered = false;
  }
  dispatch(answered ? { type: 'probe_succeeded' } : { type: 'probe_failed', at: Date.now(), jitter: Math.random() });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  scheduleProbe();
  return () => {
    listeners.delete(listener);
    scheduleProbe();
  };
}

export function reportUnreachable(cause: UnreachableCause): void {
  dispatch({ type: 'unreachable', cause, at: Date.now() });
}

/** Try the API now rather than at the next planned probe (the agent asked, or the browser's network is back). */
export function probeNow(): void {
  dispatch({ type: 'probe_now', at: Date.now() });
}

export type Reached<T> = { reached: true; answer: T } | { reached: false; cause: UnreachableCause };

async function callOnce<T extends { response: Response }>(
  call: (init: { signal: AbortSignal }) => Promise<T>,
  timeoutMs: number,
): Promise<Reached<T>> {
  let answer: T;
  try {
    answer = await call({ signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = unreachableCause({ threw: error });
    if (!cause) throw error;
    return { reached: false, cause };
  }
  const cause = unreachableCause({ status: answer.response.status });
  return cause ? { reached: false, cause } : { reached: true, answer };
}

/**
 * One call of the counter with a deadline. A connection cut at once (no HTTP answer, no wait) is often a blip:
 * the very same request is sent once more — the same Idempotency-Key for a redemption, so a first attempt
 * that did reach the server is answered again, never redone. Still no answer, none in time, or "unavailable":
 * the counter goes degraded and the caller learns why; any other answer (a refusal included) is the caller's.
 */
export async function reachApi<T extends { response: Response }>(
  call: (init: { signal: AbortSignal }) => Promise<T>,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<Reached<T>> {
  let reached = await callOnce(call, timeoutMs);
  if (!reached.reached && reached.cause === 'network') reached = await callOnce(call, timeoutMs);
  if (!reached.reached) reportUnreachable(reached.cause);
  return reached;
}

/** `navigator.onLine`, followed as it changes; coming back, the API is probed at once. */
function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) probeNow();
      scheduleProbe();
    };
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export interface NetworkMode {
  mode: CounterMode;
  /** Why the counter is degraded; null otherwise. */
  cause: UnreachableCause | null;
  /** A probe is on its way. */
  probing: boolean;
}

/** The counter's mode as it changes: the browser's flag and the API calls' outcomes together. */
export function useNetworkMode(): NetworkMode {
  const browserOnline = useBrowserOnline();
  const network = useSyncExternalStore(subscribe, () => state);
  return {
    mode: counterMode(network, browserOnline),
    cause: network.status === 'online' ? null : network.cause,
    probing: network.status === 'probing',
  };
}
