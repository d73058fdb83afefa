// Browser entry: picks the page for the current path and loads only that page's code.
//
// Each page is a lazy chunk, so the respondent page never downloads landing or (later)
// dashboard code, and those never download the survey renderer.

import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetchLinkData } from './respondent/link-data';
import { parseRoute, type Route } from './routes';
import './base.css';

const LandingPage = lazy(() => import('./landing/landing-page'));
const RespondentPage = lazy(() => import('./respondent/respondent-page'));
const UnknownPathPage = lazy(() => import('./respondent/unknown-path-page'));
const SignInPage = lazy(() => import('./workspace/sign-in-page'));
const ResearchPage = lazy(() => import('./workspace/research-page'));
const AdminPage = lazy(() => import('./workspace/admin-page'));
const AgencyPage = lazy(() => import('./workspace/agency-page'));

/**
 * The server already checked the link (client-pages.ts) and marks an unknown one on <html>,
 * so a mistyped link shows its problem page without downloading the survey renderer.
 */
function currentRoute(): Route {
  if (document.documentElement.dataset.page === 'not-found') return { page: 'not-found' };
  return parseRoute(window.location.pathname);
}

function App() {
  switch (route.page) {
    case 'landing':
      return <LandingPage />;
    case 'respondent':
      return <RespondentPage link={route.link} />;
    case 'not-found':
      return <UnknownPathPage />;
    case 'signin':
      return <SignInPage />;
    case 'research':
      return <ResearchPage />;
    case 'admin':
      return <AdminPage />;
    case 'agency':
      return <AgencyPage />;
  }
}

const route = currentRoute();
// Ask for the link's study, agency and questionnaire now, not after the survey code arrives.
if (route.page === 'respondent') prefetchLinkData(route.link);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Suspense fallback={<p className="page-loading" aria-busy="true" />}>
      <App />
    </Suspense>
  </StrictMode>,
);
