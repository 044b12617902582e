import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useTitle } from '../app/App';
import { useSession } from '../app/session';
import { SecondFactorEnrolment, SecondFactorVerification } from './SecondFactorSteps';

type Step = { kind: 'password' } | { kind: 'verify' | 'enrol'; mfaToken: string };

/**
 * Sign-in: the password, then the second factor (a code from the authenticator app, or a recovery
 * code), or its enrolment at the first sign-in. "Pro Santé Connect" appears when single sign-on is
 * configured on the service.
 */
export function SignInPage({ notice }: { notice?: string }) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const restart = () => setStep({ kind: 'password' });
  if (step.kind === 'verify') return <SecondFactorVerification mfaToken={step.mfaToken} onRestart={restart} />;
  if (step.kind === 'enrol') return <SecondFactorEnrolment mfaToken={step.mfaToken} onRestart={restart} />;
  return <PasswordStep notice={notice} onSecondStep={setStep} />;
}

function PasswordStep({ notice, onSecondStep }: { notice?: string; onSecondStep: (step: Step) => void }) {
  useTitle('Connexion');
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [singleSignOn, setSingleSignOn] = useState<{ name: string } | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    api
      .GET('/api/auth/oidc')
      .then(({ data }) => {
        if (mounted.current && data?.enabled) setSingleSignOn({ name: data.name });
      })
      .catch(() => undefined);
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await signIn(email, password);
    if (!mounted.current) return;
    setBusy(false);
    if (outcome && 'step' in outcome) onSecondStep({ kind: outcome.step, mfaToken: outcome.mfaToken });
    else setError(outcome?.error ?? null);
  };

  const oidcError = new URLSearchParams(window.location.search).get('sso');

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion à la cellule cas complexes</h1>
        {notice && <Alert className="fr-mb-3w" severity="info" small description={notice} />}
        {oidcError && (
          <Alert
            className="fr-mb-3w"
            severity="error"
            title="Connexion par Pro Santé Connect impossible"
            description={ssoMessage(oidcError)}
            role="alert"
          />
        )}
        {error && <Alert className="fr-mb-3w" severity="error" title="Connexion impossible" description={error} role="alert" />}
        {singleSignOn && (
          <div className="fr-mb-4w">
            <h2 className="fr-h5">Avec votre carte ou votre e-CPS</h2>
            <a className="fr-btn fr-btn--secondary" href="/api/auth/oidc/login">
              Se connecter avec {singleSignOn.name}
            </a>
            <hr className="fr-mt-4w" />
          </div>
        )}
        <form onSubmit={submit} noValidate={false}>
          <fieldset className="fr-fieldset" aria-labelledby="identifiants-legende">
            <legend className="fr-fieldset__legend" id="identifiants-legende">
              Se connecter avec son adresse électronique professionnelle
            </legend>
            <div className="fr-fieldset__element">
              <Input
                label="Adresse électronique"
                hintText="Format attendu : nom@domaine.fr"
                nativeInputProps={{
                  type: 'email',
                  autoComplete: 'username',
                  required: true,
                  value: email,
                  onChange: (e) => setEmail(e.target.value),
                }}
              />
            </div>
            <div className="fr-fieldset__element">
              <PasswordInput
                label="Mot de passe"
                messages={[]}
                nativeInputProps={{
                  autoComplete: 'current-password',
                  required: true,
                  value: password,
                  onChange: (e) => setPassword(e.target.value),
                }}
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

function ssoMessage(code: string): string {
  switch (code) {
    case 'inconnu':
      return "Votre identifiant professionnel n'est lié à aucun compte de la cellule. Demandez à l'administrateur de le lier, ou connectez-vous avec votre adresse électronique.";
    case 'niveau':
      return 'Ce moyen de connexion ne suffit pas pour accéder aux dossiers : utilisez votre carte CPS ou votre e-CPS.';
    default:
      return 'La connexion a été interrompue ou a expiré. Réessayez.';
  }
}
