import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useSession } from './session';

/** Automatic sign-out after this long without a key press, click or scroll. */
export const IDLE_MINUTES = 15;
const IDLE_MS = IDLE_MINUTES * 60_000;
const WARNING_MS = 60_000;
const ACTIVITY = ['keydown', 'mousedown', 'pointerdown', 'scroll', 'touchstart'] as const;

/** Warns a minute before the automatic sign-out; any activity (or the button) keeps the session. */
export function Inactivity() {
  const { signOut } = useSession();
  const lastActivity = useRef(Date.now());
  const [warning, setWarning] = useState(false);

  useEffect(() => {
    const touch = () => {
      lastActivity.current = Date.now();
      setWarning(false);
    };
    for (const event of ACTIVITY) window.addEventListener(event, touch, { passive: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity.current;
      if (idle >= IDLE_MS) {
        void signOut(`Vous avez été déconnecté après ${IDLE_MINUTES} minutes d’inactivité.`);
      } else if (idle >= IDLE_MS - WARNING_MS) setWarning(true);
    }, 1_000);
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, touch);
      window.clearInterval(timer);
    };
  }, [signOut]);

  return (
    <div aria-live="assertive" className="fr-container">
      {warning && (
        <Alert
          className="fr-my-2w"
          severity="warning"
          title="Vous allez être déconnecté dans une minute"
          description={
            <>
              <p>Sans action de votre part, la session se fermera pour protéger les données des personnes.</p>
              <Button className="fr-mt-1w" onClick={() => setWarning(false)}>
                Rester connecté
              </Button>
            </>
          }
        />
      )}
    </div>
  );
}
