import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { ApiError, apiRequest, setUnauthenticatedHandler } from './api-client.ts';
import type { SessionUser, UserView } from './session.types.ts';

const SESSION_KEY = ['session'] as const;

interface AuthState {
  /** null = not logged in; undefined never escapes (the provider waits for the first answer). */
  user: SessionUser | null;
  login: (username: string, password: string) => Promise<UserView>;
  logout: () => Promise<void>;
  /** Re-reads /auth/me, e.g. after the password changed. */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

async function fetchSession(): Promise<SessionUser | null> {
  try {
    return await apiRequest<SessionUser>('/auth/me', { isAuthProbe: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Holds the logged-in account; any 401 from the API drops it, which sends the user to /login. */
export function AuthProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const dropSession = useCallback(() => {
    queryClient.setQueryData(SESSION_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  }, [queryClient]);

  useEffect(() => {
    setUnauthenticatedHandler(dropSession);
    return () => setUnauthenticatedHandler(null);
  }, [dropSession]);

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }, [queryClient]);

  const login = useCallback(
    async (username: string, password: string) => {
      const { user } = await apiRequest<{ user: UserView }>('/auth/login', {
        method: 'POST',
        body: { username, password },
        isAuthProbe: true,
      });
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      // Read /auth/me directly: the cached "not logged in" answer never goes stale on its own.
      queryClient.setQueryData(SESSION_KEY, await fetchSession());
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    await apiRequest('/auth/logout', { method: 'POST', body: {}, isAuthProbe: true }).catch(() => undefined);
    dropSession();
  }, [dropSession]);

  const value = useMemo<AuthState>(
    () => ({ user: session.data ?? null, login, logout, refresh }),
    [session.data, login, logout, refresh],
  );

  if (session.isPending) return fallback;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state; throws when used outside AuthProvider. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}

/** The logged-in account, for pages that are only reachable when logged in. */
export function useCurrentUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser used on a page that does not require login');
  return user;
}
