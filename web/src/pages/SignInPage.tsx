import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useState, type FormEvent } from 'react';
import { useTitle } from '../app/App';
import { useSession } from '../app/session';

/**
 * Password sign-in. The API offers no second factor today; a "Pro Santé Connect" button appears only
 * once single sign-on is configured on the service (it is not).
 */
export function SignInPage({ notice }: { notice?: string }) {
  useTitle('Connexion');
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(await signIn(email, password));
    setBusy(false);
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à la cellule cas complexes</h1>
        {notice && <Alert className="fr-mb-3w" severity="info" small description={notice} />}
        {error && <Alert className="fr-mb-3w" severity="error" title="Connexion impossible" description={error} role="alert" />}
        <form onSubmit={submit} noValidate={false}>
          <fieldset className="fr-fieldset" aria-labelledby="identifiants-legende">
            <legend className="fr-fieldset__legend" id="identifiants-legende">
              Se connecter avec son adresse électronique professionnelle
            </legend>
            <div className="fr-fieldset__element">
              <Input
                label="Adresse électronique"
                hintText="Format attendu : nom@domaine.fr"
                nativeInputProps={{ type: 'email', autoComplete: 'username', required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
              />
            </div>
            <div className="fr-fieldset__element">
              <PasswordInput
                label="Mot de passe"
                messages={[]}
                nativeInputProps={{ autoComplete: 'current-password', required: true, value: password, onChange: (e) => setPassword(e.target.value) }}
              />
            </div>
          </fieldset>
          <Button type="submit" disabled={busy}>
            Se connecter
          </Button>
        </form>
      </div>
    </div>
  );
}
