import Alert from '@codegouvfr/react-dsfr/Alert';
import Tile from '@codegouvfr/react-dsfr/Tile';
import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ADMIN_TILES, administers, adminNavigation } from '../app/admin';
import { can, useTitle } from '../app/App';
import { formatDateTime, ROLE_LABELS } from '../app/labels';
import { Link } from '../app/router';
import { useUser } from '../app/session';
import { ReferralStatus, SituationStatus } from '../components/StatusBadge';

/** A home page per role: what this person has to do next. */
export function HomePage() {
  useTitle('Accueil');
  const user = useUser();
  const coordinator = user.roles.includes('coordinator');
  const dac = user.roles.includes('dac');
  const [situations, setSituations] = useState<Schemas['SituationPageDto'] | null>(null);
  const [sessions, setSessions] = useState<Schemas['SessionDto'][] | null>(null);
  const [referrals, setReferrals] = useState<Schemas['ReferralDto'][] | null>(null);

  useEffect(() => {
    if (can.listSituations(user))
      void api
        .GET('/api/situations', { params: { query: coordinator ? { status: 'submitted', limit: 5 as never } : { limit: 5 as never } } })
        .then(({ data }) => setSituations(data ?? null));
    if (coordinator || user.roles.includes('member')) void api.GET('/api/sessions').then(({ data }) => setSessions(data?.items ?? null));
    if (can.referrals(user)) void api.GET('/api/referrals').then(({ data }) => setReferrals(data?.items ?? null));
  }, [user, coordinator]);

  const upcoming = (sessions ?? []).filter((s) => s.status === 'planned' || s.status === 'agenda_published').slice(0, 5);
  return (
    <>
      <h1>Bonjour {user.displayName}</h1>
      <p className="fr-text--lead">
        Espace{' '}
        {user.roles
          .map((role) => ROLE_LABELS[role])
          .join(', ')
          .toLowerCase()}
      </p>

      {can.createSituation(user) && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
          <div className="fr-col-12 fr-col-md-4">
            <Tile
              title="Déposer une saisine"
              desc="Présenter une situation complexe à la cellule"
              linkProps={{ href: '/situations/nouvelle' }}
              orientation="vertical"
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Tile
              title="Situations"
              desc="Rechercher et consulter les dossiers"
              linkProps={{ href: '/situations' }}
              orientation="vertical"
            />
          </div>
          {can.referrals(user) && (
            <div className="fr-col-12 fr-col-md-4">
              <Tile
                title="Orientations DAC"
                desc="Suivre les orientations vers le DAC"
                linkProps={{ href: '/orientations' }}
                orientation="vertical"
              />
            </div>
          )}
        </div>
      )}

      {can.statistics(user) && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
          <div className="fr-col-12 fr-col-md-4">
            <Tile
              title="Bilan"
              desc="Les chiffres anonymisés de la cellule pour le bilan annuel du CLSM"
              linkProps={{ href: '/bilan' }}
              orientation="vertical"
            />
          </div>
        </div>
      )}

      {administers(user) && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
          {adminNavigation('').map((entry) => (
            <div key={entry.text} className="fr-col-12 fr-col-md-4">
              <Tile title={entry.text} desc={ADMIN_TILES[entry.text]} linkProps={entry.linkProps} orientation="vertical" />
            </div>
          ))}
        </div>
      )}

      {situations && (
        <section className="fr-mb-4w" aria-labelledby="mes-situations">
          <h2 id="mes-situations">{coordinator ? 'Saisines à instruire' : 'Mes situations'}</h2>
          {situations.items.length === 0 ? (
            <p>Aucune situation pour le moment.</p>
          ) : (
            <ul>
              {situations.items.map((s) => (
                <li key={s.id}>
                  <Link href={`/situations/${s.id}`} className="fr-link">
                    Situation {s.reference}
                  </Link>{' '}
                  <SituationStatus status={s.status} />
                </li>
              ))}
            </ul>
          )}
          <Link href="/situations" className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
            Toutes les situations ({situations.total})
          </Link>
        </section>
      )}

      {sessions && (
        <section className="fr-mb-4w" aria-labelledby="prochaines-seances">
          <h2 id="prochaines-seances">Prochaines séances</h2>
          {upcoming.length === 0 ? (
            <p>Aucune séance programmée.</p>
          ) : (
            <ul>
              {upcoming.map((s) => (
                <li key={s.id}>
                  {formatDateTime(s.scheduledAt)} — {s.location} ({s.items.length} situation{s.items.length > 1 ? 's' : ''} à l’ordre du
                  jour)
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {referrals && (dac || coordinator) && (
        <section className="fr-mb-4w" aria-labelledby="orientations">
          <h2 id="orientations">{dac ? 'Orientations reçues par votre DAC' : 'Orientations vers le DAC'}</h2>
          {referrals.length === 0 ? (
            <p>Aucune orientation.</p>
          ) : (
            <ul>
              {referrals.slice(0, 5).map((r) => (
                <li key={r.id}>
                  <Link href={`/orientations/${r.id}`} className="fr-link">
                    Orientation de la situation {r.situationReference}
                  </Link>{' '}
                  <ReferralStatus status={r.status} />
                </li>
              ))}
            </ul>
          )}
          <Link href="/orientations" className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
            Toutes les orientations
          </Link>
        </section>
      )}
      {user.roles.every((role) => role === 'admin' || role === 'ethics') && (
        <Alert
          severity="info"
          small
          description="Votre rôle ne donne accès au contenu d’aucun dossier : aucun de vos écrans ne montre ce que contient un dossier."
        />
      )}
    </>
  );
}
