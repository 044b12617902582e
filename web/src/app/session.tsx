import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, csrfToken, problemText, setAccessToken, whenUnauthenticated, type Schemas } from '../api/client';

export type User = Schemas['UserDto'];
type State =
  { kind: 'loading' } | { kind: 'anonymous'; notice?: string } | { kind: 'signed-in'; user: User; charter: Schemas['CharterDto'] };

/** What a sign-in step leads to: an error to show, a second step, or null once signed in. */
export type SignInOutcome = { error: string } | { step: 'verify' | 'enrol'; mfaToken: string } | null;

interface Session {
  state: State;
  signIn: (email: string, password: string) => Promise<SignInOutcome>;
  /** Signs in with tokens the second step returned. */
  adoptTokens: (tokens: Schemas['TokenPairDto'] | Schemas['LoginResultDto']) => Promise<string | null>;
  signOut: (notice?: string) => Promise<void>;
  charterAccepted: (charter: Schemas['CharterDto']) => void;
}

const SessionContext = createContext<Session | null>(null);
export const useSession = () => useContext(SessionContext)!;
export const useUser = () => {
  const { state } = useSession();
  if (state.kind !== 'signed-in') throw new Error('No signed-in user');
  return state.user;
};

/** Tokens: the access token in memory; the refresh token in an HttpOnly cookie on /api/auth. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const refreshTimer = useRef<number | undefined>(undefined);

  const clear = useCallback((notice?: string) => {
    window.clearTimeout(refreshTimer.current);
    setAccessToken(null);
    setState({ kind: 'anonymous', notice });
  }, []);

  const adopt = useCallback(
    async (tokens: Schemas['TokenPairDto'] | Schemas['LoginResultDto']) => {
      if (!tokens.accessToken || !tokens.expiresIn) throw new Error('Connexion incomplète.');
      setAccessToken(tokens.accessToken);
      window.clearTimeout(refreshTimer.current);
      // Renewed before it expires, as long as the tab is open and the person active (see Inactivity).
      const expiresIn = tokens.expiresIn;
      refreshTimer.current = window.setTimeout(() => void refresh(), Math.max(10, expiresIn * 0.8) * 1000);
      const [me, charter] = await Promise.all([api.GET('/api/auth/me'), api.GET('/api/ethics/charter')]);
      if (!me.data || !charter.data) throw me.error ?? charter.error;
      setState({ kind: 'signed-in', user: me.data, charter: charter.data });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const refresh = useCallback(async (): Promise<boolean> => {
    const csrf = csrfToken();
    if (!csrf) return false;
    const { data } = await api.POST('/api/auth/refresh', { body: {}, headers: { 'X-CSRF-Token': csrf } });
    if (!data) return false;
    await adopt(data);
    return true;
  }, [adopt]);

  useEffect(() => {
    whenUnauthenticated(() => clear('Votre session a expiré : reconnectez-vous.'));
    refresh()
      .then((restored) => {
        if (!restored) setState({ kind: 'anonymous' });
      })
      .catch(() => setState({ kind: 'anonymous' }));
  }, [refresh, clear]);

  const adoptTokens = async (tokens: Schemas['TokenPairDto'] | Schemas['LoginResultDto']) => {
    try {
      await adopt(tokens);
      return null;
    } catch (failure) {
      return problemText(failure);
    }
  };

  const signIn = async (email: string, password: string): Promise<SignInOutcome> => {
    const { data, error } = await api.POST('/api/auth/login', { body: { email, password, refreshTokenIn: 'cookie' } });
    if (!data) return { error: problemText(error, 'Connexion impossible.') };
    if (data.mfaToken) return { step: data.mfaEnrollmentRequired ? 'enrol' : 'verify', mfaToken: data.mfaToken };
    const failure = await adoptTokens(data);
    return failure ? { error: failure } : null;
  };

  const signOut = async (notice?: string) => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    clear(notice ?? 'Vous êtes déconnecté.');
  };

  const charterAccepted = (charter: Schemas['CharterDto']) =>
    setState((current) => (current.kind === 'signed-in' ? { ...current, charter } : current));

  return <SessionContext.Provider value={{ state, signIn, adoptTokens, signOut, charterAccepted }}>{children}</SessionContext.Provider>;
}
