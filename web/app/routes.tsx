import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Outlet, Route, Routes, useParams } from 'react-router';
import { PageLoader } from '#web/components/PageLoader.tsx';
import BoardPage from '#web/features/board/BoardPage.tsx';
import { useLiveUpdates } from '#web/lib/live.ts';
import { useMe } from '#web/lib/queries.ts';
import { PlanScopeContext } from './scope.tsx';
import { NotFound, PageErrorBoundary } from './RouteError.tsx';
import { Shell } from './Shell.tsx';

// Everything but the board loads when first used, keeping the board's first load small.
const ActivityPage = lazy(() => import('#web/features/activity/ActivityPage.tsx'));
const NewActivityPage = lazy(() => import('#web/features/activity/NewActivityPage.tsx'));
const FindPersonPage = lazy(() => import('#web/features/person/FindPersonPage.tsx'));
const InfoPage = lazy(() => import('#web/features/info/InfoPage.tsx'));
const DialogPage = lazy(() => import('#web/features/dialog/DialogPage.tsx'));
const WorkspacePage = lazy(() => import('#web/features/workspace/WorkspacePage.tsx'));
const OfficeSettingsPage = lazy(() => import('#web/features/workspace/OfficeSettingsPage.tsx'));
const AccessLogPage = lazy(() => import('#web/features/access-log/AccessLogPage.tsx'));

function page(Component: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<PageLoader />}>
      <Component />
    </Suspense>
  );
}

/** The citizen's own person id, once known (null for anyone else). */
function citizenPersonId(me: ReturnType<typeof useMe>): string | null {
  return me.data?.role === 'citizen' ? me.data.personId : null;
}

/** The citizen's own plan: the person is whoever is logged in. */
function CitizenScope() {
  const me = useMe();
  // One live stream for every page of the person (board, activity, dialog).
  useLiveUpdates(citizenPersonId(me));
  if (!me.data) {
    return <PageLoader />;
  }
  if (me.data.role !== 'citizen') {
    return <NotFound />;
  }
  return (
    <PlanScopeContext.Provider value={{ personId: me.data.personId, role: 'citizen', base: '' }}>
      <Outlet />
    </PlanScopeContext.Provider>
  );
}

/** A person an advisor opened; the id is opaque (a national id never appears in a URL). */
function AdvisorScope() {
  const { personId = '' } = useParams();
  const me = useMe();
  useLiveUpdates(me.data?.role === 'advisor' ? personId : null);
  if (!me.data) {
    return <PageLoader />;
  }
  if (me.data.role !== 'advisor') {
    return <NotFound />;
  }
  return (
    <PlanScopeContext.Provider value={{ personId, role: 'advisor', base: `/persons/${personId}` }}>
      <Outlet />
    </PlanScopeContext.Provider>
  );
}

/** Pages of an advisor's own (the workspace, the person search, office settings): anyone else finds nothing. */
function AdvisorPages() {
  const me = useMe();
  if (!me.data) {
    return <PageLoader />;
  }
  return me.data.role === 'advisor' ? <Outlet /> : <NotFound />;
}

/** The front page: the citizen's board, or the advisor's workspace. */
function Home() {
  const me = useMe();
  useLiveUpdates(citizenPersonId(me));
  if (!me.data) {
    return <PageLoader />;
  }
  if (me.data.role === 'advisor') {
    return page(WorkspacePage);
  }
  if (me.data.role !== 'citizen') {
    return <NotFound />;
  }
  return (
    <PlanScopeContext.Provider value={{ personId: me.data.personId, role: 'citizen', base: '' }}>
      <BoardPage />
    </PlanScopeContext.Provider>
  );
}

/**
 * The pages. Declarative routes: the app loads its data with TanStack Query, so the router's data
 * APIs (and their weight in the first load) are not needed.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        element={
          <PageErrorBoundary>
            <Shell />
          </PageErrorBoundary>
        }
      >
        <Route index element={<Home />} />
        <Route element={<CitizenScope />}>
          <Route path="activities/new" element={page(NewActivityPage)} />
          <Route path="activities/:activityId" element={page(ActivityPage)} />
          <Route path="dialog" element={page(DialogPage)} />
          <Route path="dialog/new" element={page(DialogPage)} />
          <Route path="dialog/:threadId" element={page(DialogPage)} />
          <Route path="access-log" element={page(AccessLogPage)} />
        </Route>
        <Route element={<AdvisorPages />}>
          <Route path="find" element={page(FindPersonPage)} />
          <Route path="offices/:officeId/settings" element={page(OfficeSettingsPage)} />
        </Route>
        <Route path="persons/:personId" element={<AdvisorScope />}>
          <Route index element={<BoardPage />} />
          <Route path="activities/new" element={page(NewActivityPage)} />
          <Route path="activities/:activityId" element={page(ActivityPage)} />
          <Route path="dialog" element={page(DialogPage)} />
          <Route path="dialog/new" element={page(DialogPage)} />
          <Route path="dialog/:threadId" element={page(DialogPage)} />
        </Route>
        <Route path="info" element={page(InfoPage)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
