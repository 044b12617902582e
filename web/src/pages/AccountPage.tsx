import Button from '@codegouvfr/react-dsfr/Button';
import { useTitle } from '../app/App';
import { CATEGORY_LABELS, formatDate, ROLE_LABELS } from '../app/labels';
import { useSession, useUser } from '../app/session';
import { IDLE_MINUTES } from '../app/Inactivity';
import { Link } from '../app/router';
import { PasskeysPanel } from '../components/PasskeysPanel';

export function AccountPage() {
  useTitle('Mon compte');
  const user = useUser();
  const { signOut, state } = useSession();
  const charter = state.kind === 'signed-in' ? state.charter : null;
  return (
    <>
      <h1>Mon compte</h1>
      <dl className="fr-mb-4w">
        <dt className="fr-text--bold">Nom</dt>
        <dd>{user.displayName}</dd>
        <dt className="fr-text--bold">Adresse électronique</dt>
        <dd>{user.email}</dd>
        <dt className="fr-text--bold">Catégorie professionnelle</dt>
        <dd>{CATEGORY_LABELS[user.professionalCategory]}</dd>
        <dt className="fr-text--bold">Rôles</dt>
        <dd>{user.roles.map((role) => ROLE_LABELS[role]).join(', ')}</dd>
        <dt className="fr-text--bold">Compte créé le</dt>
        <dd>{formatDate(user.createdAt)}</dd>
        {charter && (
          <>
            <dt className="fr-text--bold">Charte éthique</dt>
            <dd>
              Version {charter.version}, acceptée le {formatDate(charter.acceptedAt)} —{' '}
              <Link href="/charte" className="fr-link">
                relire la charte
              </Link>
            </dd>
          </>
        )}
      </dl>
      <h2>Sécurité</h2>
      <p>
        Votre session se ferme automatiquement après {IDLE_MINUTES} minutes d’inactivité, avec un avertissement une minute avant. Aucun
        jeton n’est conservé par le navigateur en dehors de cet onglet.
      </p>
      <PasskeysPanel />
      <Button priority="secondary" iconId="fr-icon-logout-box-r-line" onClick={() => void signOut()}>
        Se déconnecter
      </Button>
    </>
  );
}
