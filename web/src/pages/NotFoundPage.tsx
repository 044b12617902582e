import { useTitle } from '../app/App';
import { Link } from '../app/router';

export function NotFoundPage() {
  useTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable</h1>
      <p>Cette page n’existe pas, ou son contenu ne vous est pas accessible.</p>
      <Link href="/" className="fr-link">
        Retour à l’accueil
      </Link>
    </>
  );
}
