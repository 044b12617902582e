import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import { browserSupportsWebAuthn, startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import QRCode from 'qrcode';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { useTitle } from '../app/App';
import { useSession } from '../app/session';

interface StepProps {
  mfaToken: string;
  onRestart: () => void;
}

/** The second step for an enrolled account: a code from the app, or a recovery code. */
export function SecondFactorVerification({ mfaToken, onRestart }: StepProps) {
  useTitle('Connexion : code de vérification');
  const { adoptTokens } = useSession();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error: problem } = await api.POST('/api/auth/mfa/verify', { body: { mfaToken, code, refreshTokenIn: 'cookie' } });
    const failure = data ? await adoptTokens(data) : problemText(problem, 'Code refusé.');
    setBusy(false);
    setError(failure);
  };

  const withPasskey = async () => {
    setBusy(true);
    try {
      const options = await api.POST('/api/auth/mfa/passkeys/authentication', { body: { mfaToken } });
      if (!options.data) throw options.error;
      const credential = await startAuthentication({
        optionsJSON: options.data.publicKey as unknown as PublicKeyCredentialRequestOptionsJSON,
      });
      const { data, error: problem } = await api.POST('/api/auth/mfa/passkeys/verify', {
        body: { mfaToken, credential: credential as unknown as Schemas['PasskeyCredentialDto'], refreshTokenIn: 'cookie' },
      });
      setError(data ? await adoptTokens(data) : problemText(problem, 'Clé d’accès refusée.'));
    } catch (failure) {
      const cancelled = failure instanceof Error && failure.name === 'NotAllowedError';
      setError(cancelled ? 'Utilisation de la clé d’accès annulée.' : problemText(failure, 'Clé d’accès refusée.'));
    }
    setBusy(false);
  };

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 tabIndex={-1} ref={heading}>
          Vérification en deux étapes
        </h1>
        <p>Votre mot de passe est correct. Pour protéger les dossiers, confirmez qu’il s’agit bien de vous.</p>
        {error && <Alert className="fr-mb-3w" severity="error" title="Code refusé" description={error} role="alert" />}
        <form onSubmit={submit}>
          <Input
            label="Code de vérification"
            hintText="Les 6 chiffres affichés par votre application d’authentification, ou l’un de vos codes de secours."
            nativeInputProps={{
              autoComplete: 'one-time-code',
              required: true,
              maxLength: 32,
              value: code,
              onChange: (e) => setCode(e.target.value),
              spellCheck: false,
            }}
          />
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit" disabled={busy}>
                Valider
              </Button>
            </li>
            {browserSupportsWebAuthn() && (
              <li>
                <Button type="button" priority="secondary" disabled={busy} onClick={() => void withPasskey()}>
                  Utiliser une clé d’accès
                </Button>
              </li>
            )}
            <li>
              <Button type="button" priority="tertiary" onClick={onRestart}>
                Recommencer la connexion
              </Button>
            </li>
          </ul>
        </form>
        <p className="fr-text--sm">
          Téléphone perdu et plus de code de secours ? L’administrateur de la cellule peut réinitialiser votre second facteur.
        </p>
      </div>
    </div>
  );
}

/** First sign-in: set up the authenticator app, confirm one code, keep the recovery codes. */
export function SecondFactorEnrolment({ mfaToken, onRestart }: StepProps) {
  useTitle('Connexion : configurer la vérification en deux étapes');
  const { adoptTokens } = useSession();
  const [enrolment, setEnrolment] = useState<{ secret: string; qr: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState<Schemas['MfaConfirmationDto'] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const { data, error: problem } = await api.POST('/api/auth/mfa/totp/enroll', { headers: { Authorization: `Bearer ${mfaToken}` } });
      if (!live) return;
      if (!data) {
        setError(problemText(problem, 'Impossible de préparer la configuration.'));
        return;
      }
      const qr = await QRCode.toDataURL(data.otpauthUrl, { margin: 1, width: 200, errorCorrectionLevel: 'M' });
      if (live) setEnrolment({ secret: data.secret, qr });
    })();
    return () => {
      live = false;
    };
  }, [mfaToken]);

  useEffect(() => heading.current?.focus(), [confirmed]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { data, error: problem } = await api.POST('/api/auth/mfa/totp/confirm', {
      headers: { Authorization: `Bearer ${mfaToken}` },
      body: { code, refreshTokenIn: 'cookie' },
    });
    setBusy(false);
    if (data) setConfirmed(data);
    else setError(problemText(problem, 'Code refusé.'));
  };

  const finish = async () => {
    if (!confirmed) return;
    setBusy(true);
    setError(await adoptTokens(confirmed));
    setBusy(false);
  };

  if (confirmed) {
    return (
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1 tabIndex={-1} ref={heading}>
            Vos codes de secours
          </h1>
          <Alert
            className="fr-mb-3w"
            severity="warning"
            title="Notez-les maintenant : ils ne seront plus affichés"
            description="Chaque code permet une connexion si vous n’avez plus votre téléphone. Conservez-les à part, sur papier ou dans un coffre-fort de mots de passe."
          />
          <ul className="fr-raw-list fr-mb-3w" aria-label="Codes de secours">
            {confirmed.recoveryCodes.map((value) => (
              <li key={value}>
                <code>{value}</code>
              </li>
            ))}
          </ul>
          {error && <Alert className="fr-mb-3w" severity="error" title="Connexion impossible" description={error} role="alert" />}
          <Button onClick={() => void finish()} disabled={busy}>
            J’ai conservé mes codes, continuer
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1 tabIndex={-1} ref={heading}>
          Configurer la vérification en deux étapes
        </h1>
        <p>
          L’accès aux dossiers de la cellule demande un second facteur (référentiel PGSSI-S). Installez une application d’authentification
          sur votre téléphone professionnel (par exemple FreeOTP, Aegis ou celle de votre établissement), puis :
        </p>
        <ol>
          <li>scannez le code QR ci-dessous, ou saisissez la clé à la main ;</li>
          <li>saisissez le code à 6 chiffres que l’application affiche.</li>
        </ol>
        {error && <Alert className="fr-mb-3w" severity="error" title="Configuration impossible" description={error} role="alert" />}
        {enrolment && (
          <>
            <img src={enrolment.qr} width={200} height={200} alt="Code QR à scanner avec l’application d’authentification" />
            <p>
              Clé à saisir à la main : <code aria-label="Clé secrète">{groups(enrolment.secret)}</code>
            </p>
            <form onSubmit={submit}>
              <Input
                label="Code affiché par l’application"
                hintText="6 chiffres, par exemple 123456"
                nativeInputProps={{
                  inputMode: 'numeric',
                  autoComplete: 'one-time-code',
                  required: true,
                  maxLength: 10,
                  value: code,
                  onChange: (e) => setCode(e.target.value),
                }}
              />
              <ul className="fr-btns-group fr-btns-group--inline-md">
                <li>
                  <Button type="submit" disabled={busy}>
                    Activer
                  </Button>
                </li>
                <li>
                  <Button type="button" priority="secondary" onClick={onRestart}>
                    Recommencer la connexion
                  </Button>
                </li>
              </ul>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

/** The base32 key in groups of four, easier to type. */
const groups = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;
