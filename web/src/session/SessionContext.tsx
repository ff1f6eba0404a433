import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, maySessionBeOpen, setLoggingOut } from '../api/client';
import { rememberActor, rememberedActor } from '../venue/offline/offline-store';
import type { SessionActor } from './spaces';

/** Names shared with the server (src/auth/proconnect/proconnect.controller.ts). */
const PROCONNECT_MARKER_COOKIE = 'pn_proconnect';
const PROCONNECT_LOGOUT_PATH = '/api/v1/auth/proconnect/logout';

interface SessionState {
  /** `undefined` while the first look-up runs; `null` when nobody is logged in. */
  actor: SessionActor | null | undefined;
  setActor: (actor: SessionActor | null) => void;
  logout: () => Promise<void>;
  /**
   * The person logged out here (not a session that ended by itself): the login page is then shown as it is,
   * without the way back to the page they left, by every place that sends them there, so they agree.
   */
  loggedOut: boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [actor, setCurrentActor] = useState<SessionActor | null | undefined>(undefined);
  const [loggedOut, setLoggedOut] = useState(false);
  const setActor = useCallback((next: SessionActor | null) => {
    if (next) setLoggedOut(false);
    setCurrentActor(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    const lookUp = async () => {
      let data: SessionActor | undefined;
      // No session cookie at all: a visitor, nothing to ask the server.
      if (maySessionBeOpen()) {
        ({ data } = await api.GET('/api/v1/auth/me'));
        // An expired access cookie with a live refresh cookie: renew once, then ask again.
        if (!data && (await api.POST('/api/v1/auth/session/refresh')).response.ok) ({ data } = await api.GET('/api/v1/auth/me'));
      }
      if (!cancelled) setActor(data ?? null);
      await rememberActor(data ?? null).catch(() => undefined);
    };
    // No network (a fetch that throws, unlike a 401): the venue agent last logged in here keeps the counter, which works offline.
    lookUp().catch(async () => {
      const known = await rememberedActor().catch(() => null);
      if (!cancelled) setActor(known);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const logout = useCallback(async () => {
    setLoggingOut(true);
    await api.DELETE('/api/v1/auth/session');
    await rememberActor(null).catch(() => undefined);
    // Signed in with ProConnect: its session ends too (the server sends the browser through ProConnect's logout).
    if (document.cookie.split(';').some((part) => part.trim() === `${PROCONNECT_MARKER_COOKIE}=1`)) {
      window.location.assign(PROCONNECT_LOGOUT_PATH);
      return;
    }
    setLoggedOut(true);
    setActor(null);
    setLoggingOut(false);
  }, [setActor]);

  const value = useMemo(() => ({ actor, setActor, logout, loggedOut }), [actor, setActor, logout, loggedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The logged-in person, in a page that RequireSpace guards. */
export function useActor(): SessionActor {
  const { actor } = useSession();
  if (!actor) throw new Error('useActor outside a logged-in space');
  return actor;
}
