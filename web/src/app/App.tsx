import Footer from '@codegouvfr/react-dsfr/Footer';
import Header from '@codegouvfr/react-dsfr/Header';
import SkipLinks from '@codegouvfr/react-dsfr/SkipLinks';
import { useEffect, useRef } from 'react';
import { AccountPage } from '../pages/AccountPage';
import { CaseFilePage } from '../pages/CaseFilePage';
import { CharterPage } from '../pages/CharterPage';
import { FollowUpPage } from '../pages/FollowUpPage';
import { EthicsPage } from '../pages/EthicsPage';
import { BilanPage } from '../pages/BilanPage';
import { HomePage } from '../pages/HomePage';
import { IntakePage } from '../pages/IntakePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { NotificationsPage } from '../pages/NotificationsPage';
import { AccessChangesAdminPage } from '../pages/admin/AccessChangesAdminPage';
import { AccountsAdminPage } from '../pages/admin/AccountsAdminPage';
import { OrganizationsAdminPage } from '../pages/admin/OrganizationsAdminPage';
import { notificationsLabel, useUnreadNotifications } from '../components/Notifications';
import { administers, adminNavigation } from './admin';
import { ReferralPage } from '../pages/ReferralPage';
import { ReferralsPage } from '../pages/ReferralsPage';
import { SessionPage } from '../pages/SessionPage';
import { SessionsPage } from '../pages/SessionsPage';
import { SignInPage } from '../pages/SignInPage';
import { SituationsPage } from '../pages/SituationsPage';
import { Inactivity } from './Inactivity';
import { match, Router, useRouter } from './router';
import { SessionProvider, useSession, type User } from './session';

const SERVICE = 'Cellule cas complexes';

export function App() {
  return (
    <Router>
      <SessionProvider>
        <Layout />
      </SessionProvider>
    </Router>
  );
}

export const can = {
  listSituations: (user: User) => user.roles.some((role) => role === 'coordinator' || role === 'member' || role === 'referrer'),
  createSituation: (user: User) => user.roles.some((role) => role === 'coordinator' || role === 'member' || role === 'referrer'),
  referrals: (user: User) => user.roles.some((role) => role === 'coordinator' || role === 'dac' || role === 'member'),
  ethics: (user: User) => user.roles.includes('ethics'),
  sessions: (user: User) => user.roles.some((role) => role === 'coordinator' || role === 'member' || role === 'referrer'),
  /** The Bilan (policy `subjects.Statistics`): the coordination, and the ethics committee in oversight. */
  statistics: (user: User) => user.roles.some((role) => role === 'coordinator' || role === 'ethics'),
};

function navigation(user: User, path: string) {
  const items = [{ text: 'Accueil', linkProps: { href: '/' }, isActive: path === '/' }];
  if (can.listSituations(user))
    items.push({
      text: 'Situations',
      linkProps: { href: '/situations' },
      isActive: path.startsWith('/situations') && path !== '/situations/nouvelle',
    });
  if (can.createSituation(user))
    items.push({ text: 'Nouvelle saisine', linkProps: { href: '/situations/nouvelle' }, isActive: path === '/situations/nouvelle' });
  if (can.sessions(user)) items.push({ text: 'Séances', linkProps: { href: '/seances' }, isActive: path.startsWith('/seances') });
  if (can.sessions(user))
    items.push({ text: 'Suivi des préconisations', linkProps: { href: '/preconisations' }, isActive: path === '/preconisations' });
  if (can.referrals(user))
    items.push({ text: 'Orientations DAC', linkProps: { href: '/orientations' }, isActive: path.startsWith('/orientations') });
  if (can.statistics(user)) items.push({ text: 'Bilan', linkProps: { href: '/bilan' }, isActive: path === '/bilan' });
  if (administers(user)) items.push(...adminNavigation(path));
  if (can.ethics(user))
    items.push({ text: 'Comité d’éthique', linkProps: { href: '/comite-ethique' }, isActive: path === '/comite-ethique' });
  return items;
}

function Layout() {
  const { state, signOut } = useSession();
  const { path } = useRouter();
  const main = useRef<HTMLElement>(null);
  // After a client-side navigation, focus goes to the new page's content (as a page load would).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path, state.kind]);

  const signedIn = state.kind === 'signed-in' ? state : null;
  const needsCharter = signedIn && !signedIn.charter.acceptedAt;
  const unread = useUnreadNotifications(Boolean(signedIn && !needsCharter), path);

  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Pied de page', anchor: '#pied-de-page' },
        ]}
      />
      <Header
        brandTop={
          <>
            République
            <br />
            Française
          </>
        }
        serviceTitle={SERVICE}
        serviceTagline="Conseil local de santé mentale"
        homeLinkProps={{ href: '/', title: `Accueil — ${SERVICE}` }}
        quickAccessItems={
          signedIn
            ? [
                { iconId: 'fr-icon-notification-3-line', text: notificationsLabel(unread), linkProps: { href: '/notifications' } },
                { iconId: 'fr-icon-account-circle-line', text: 'Mon compte', linkProps: { href: '/mon-compte' } },
                { iconId: 'fr-icon-logout-box-r-line', text: 'Se déconnecter', buttonProps: { onClick: () => void signOut() } },
              ]
            : []
        }
        navigation={signedIn && !needsCharter ? navigation(signedIn.user, path) : undefined}
      />
      {signedIn && <Inactivity />}
      <main id="contenu" tabIndex={-1} ref={main} className="fr-container fr-py-4w" style={{ outline: 'none' }}>
        {state.kind === 'loading' ? (
          <p role="status">Chargement…</p>
        ) : state.kind === 'anonymous' ? (
          <SignInPage notice={state.notice} />
        ) : needsCharter ? (
          <CharterPage />
        ) : (
          <Page path={path} />
        )}
      </main>
      <div id="pied-de-page">
        <Footer
          accessibility="partially compliant"
          contentDescription="Outil de la cellule cas complexes du conseil local de santé mentale : saisines, consentements, séances et orientations vers le DAC."
          bottomItems={[{ text: 'Charte éthique', linkProps: { href: '/charte' } }]}
        />
      </div>
    </>
  );
}

function Page({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if (path === '/') return <HomePage />;
  if (path === '/charte') return <CharterPage />;
  if (path === '/mon-compte') return <AccountPage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/administration/structures') return <OrganizationsAdminPage />;
  if (path === '/administration/comptes') return <AccountsAdminPage />;
  if (path === '/administration/demandes-acces') return <AccessChangesAdminPage />;
  if (path === '/situations') return <SituationsPage />;
  if (path === '/situations/nouvelle') return <IntakePage />;
  if ((params = match('/situations/:id', path))) return <CaseFilePage key={params.id} id={params.id} tab="dossier" />;
  if ((params = match('/situations/:id/:tab', path))) return <CaseFilePage key={params.id} id={params.id} tab={params.tab} />;
  if (path === '/seances') return <SessionsPage />;
  if (path === '/preconisations') return <FollowUpPage />;
  if (path === '/comite-ethique') return <EthicsPage />;
  if (path === '/bilan') return <BilanPage />;
  if ((params = match('/seances/:id', path))) return <SessionPage key={params.id} id={params.id} />;
  if (path === '/orientations') return <ReferralsPage />;
  if ((params = match('/orientations/:id', path))) return <ReferralPage key={params.id} id={params.id} />;
  return <NotFoundPage />;
}

/** Page titles name the screen, never a person. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — ${SERVICE}`;
  }, [title]);
}
