import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Input from '@codegouvfr/react-dsfr/Input';
import { browserSupportsWebAuthn, startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, problemText, type Schemas } from '../api/client';
import { formatDate } from '../app/labels';

/** The person's passkeys: a second way to give the second factor at sign-in. */
export function PasskeysPanel() {
  const [passkeys, setPasskeys] = useState<Schemas['PasskeyDto'][] | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const supported = browserSupportsWebAuthn();

  const load = useCallback(async () => {
    const { data } = await api.GET('/api/auth/mfa/passkeys');
    setPasskeys(data ?? []);
  }, []);
  useEffect(() => void load(), [load]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const options = await api.POST('/api/auth/mfa/passkeys/registration');
      if (!options.data) throw options.error;
      const credential = await startRegistration({
        optionsJSON: options.data.publicKey as unknown as PublicKeyCredentialCreationOptionsJSON,
      });
      const saved = await api.POST('/api/auth/mfa/passkeys', {
        body: { name, credential: credential as unknown as Schemas['PasskeyCredentialDto'] },
      });
      if (!saved.data) throw saved.error;
      setName('');
      setMessage({ severity: 'success', text: `Clé d’accès « ${saved.data.name} » ajoutée.` });
      await load();
    } catch (failure) {
      const cancelled = failure instanceof Error && failure.name === 'NotAllowedError';
      setMessage({
        severity: 'error',
        text: cancelled ? 'Ajout annulé.' : problemText(failure, 'La clé d’accès n’a pas pu être ajoutée.'),
      });
    }
    setBusy(false);
  };

  const remove = async (passkey: Schemas['PasskeyDto']) => {
    const { error } = await api.DELETE('/api/auth/mfa/passkeys/{id}', { params: { path: { id: passkey.id } } });
    setMessage(
      error ? { severity: 'error', text: problemText(error) } : { severity: 'success', text: `Clé d’accès « ${passkey.name} » retirée.` },
    );
    await load();
  };

  return (
    <section className="fr-mb-4w" aria-labelledby="cles-acces">
      <h2 id="cles-acces">Clés d’accès</h2>
      <p>
        Une clé d’accès (empreinte, code du poste ou clé de sécurité) remplace le code de l’application d’authentification à la seconde
        étape de la connexion.
      </p>
      {message && (
        <Alert
          className="fr-mb-2w"
          small
          severity={message.severity}
          description={message.text}
          role={message.severity === 'error' ? 'alert' : 'status'}
        />
      )}
      {passkeys && passkeys.length === 0 && <p>Aucune clé d’accès enregistrée.</p>}
      {passkeys && passkeys.length > 0 && (
        <ul aria-label="Vos clés d’accès">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="fr-mb-1w">
              {passkey.name} — ajoutée le {formatDate(passkey.createdAt)}
              {passkey.lastUsedAt ? `, utilisée le ${formatDate(passkey.lastUsedAt)}` : ', jamais utilisée'}{' '}
              <Button
                size="small"
                priority="tertiary"
                onClick={() => void remove(passkey)}
                nativeButtonProps={{ 'aria-label': `Retirer la clé d’accès ${passkey.name}` }}
              >
                Retirer
              </Button>
            </li>
          ))}
        </ul>
      )}
      {supported ? (
        <form onSubmit={add}>
          <Input
            label="Nom de la nouvelle clé d’accès"
            hintText="Pour la reconnaître, par exemple « Ordinateur du CCAS »"
            nativeInputProps={{ required: true, maxLength: 100, value: name, onChange: (e) => setName(e.target.value) }}
          />
          <Button type="submit" priority="secondary" disabled={busy}>
            Ajouter une clé d’accès
          </Button>
        </form>
      ) : (
        <p>Ce navigateur ne prend pas en charge les clés d’accès.</p>
      )}
    </section>
  );
}
