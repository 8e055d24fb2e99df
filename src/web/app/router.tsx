import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { ForbiddenResult, NotFoundResult } from '../components/StatusResults.tsx';
import { useAuth } from './auth-context.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { APP_PAGES, type AppPage, canOpenPage, PUBLIC_PAGES } from './pages.tsx';

const LoginPage = lazy(() => import('../modules/auth/LoginPage.tsx'));
const ForcedPasswordPage = lazy(() => import('../modules/auth/ForcedPasswordPage.tsx'));

/** Where the login page sends the user back to. */
export interface LoginRedirectState {
  from?: string;
}

/** Logged-in area: no session → /login; a password that must change → /change-password. */
function RequireSession() {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

function GuardedPage({ page }: { page: AppPage }) {
  const { user } = useAuth();
  if (!user || !canOpenPage(page, user.roles)) return <ForbiddenResult />;
  const Component = page.component;
  return <Component />;
}

/** All routes; pages load lazily so the login screen stays small. */
export function AppRoutes() {
  const { user } = useAuth();
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        {PUBLIC_PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={<page.component />} />
        ))}
        <Route
          path="/login"
          element={user && !user.mustChangePassword ? <Navigate to="/" replace /> : <LoginPage />}
        />
        <Route
          path="/change-password"
          element={user ? <ForcedPasswordPage /> : <Navigate to="/login" replace />}
        />
        <Route element={<RequireSession />}>
          <Route element={<AppLayout />}>
            {APP_PAGES.map((page) => (
              <Route key={page.path} path={page.path} element={<GuardedPage page={page} />} />
            ))}
            <Route path="*" element={<NotFoundResult />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
