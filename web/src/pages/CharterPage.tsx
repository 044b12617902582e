import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Checkbox from '@codegouvfr/react-dsfr/Checkbox';
import { Fragment, useState } from 'react';
import { api, problemText } from '../api/client';
import { useTitle } from '../app/App';
import { formatDateTime } from '../app/labels';
import { useSession } from '../app/session';

/** Renders the charter's Markdown headings and paragraphs (nothing else is needed, no HTML is injected). */
function CharterText({ text }: { text: string }) {
  const blocks = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <div className="fr-mb-4w">
      {blocks.map((block, index) => {
        const heading = /^(#{1,6})\s+(.*)$/.exec(block);
        if (heading) {
          const level = Math.min(6, heading[1].length + 1);
          const Tag = `h${level}` as 'h2';
          return <Tag key={index}>{heading[2]}</Tag>;
        }
        if (/^[-*] /.test(block))
          return (
            <ul key={index}>
              {block.split('\n').map((line, i) => (
                <li key={i}>{line.replace(/^[-*]\s+/, '')}</li>
              ))}
            </ul>
          );
        return (
          <p key={index}>
            {block.split('\n').map((line, i) => (
              <Fragment key={i}>
                {i > 0 && ' '}
                {line.replace(/\*\*/g, '')}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}

export function CharterPage() {
  useTitle('Charte éthique');
  const { state, charterAccepted } = useSession();
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (state.kind !== 'signed-in') return null;
  const { charter } = state;

  const accept = async () => {
    const { data, error: failure } = await api.POST('/api/ethics/charter/accept', { body: { version: charter.version } });
    if (!data) return setError(problemText(failure));
    charterAccepted({ ...charter, acceptedAt: data.acceptedAt });
  };

  return (
    <>
      <h1>Charte éthique de la cellule (version {charter.version})</h1>
      {charter.acceptedAt ? (
        <Alert
          className="fr-mb-3w"
          severity="success"
          small
          description={`Vous avez accepté cette version le ${formatDateTime(charter.acceptedAt)}.`}
        />
      ) : (
        <Alert
          className="fr-mb-3w"
          severity="info"
          title="Lecture et acceptation requises"
          description="Avant d’accéder aux situations, lisez la charte en vigueur et engagez-vous à la respecter. Une nouvelle version demande une nouvelle acceptation."
        />
      )}
      <CharterText text={charter.text} />
      {!charter.acceptedAt && (
        <>
          {error && <Alert className="fr-mb-2w" severity="error" small description={error} role="alert" />}
          <Checkbox
            options={[
              {
                label: 'J’ai lu la charte et je m’engage à la respecter',
                nativeInputProps: { checked: agreed, onChange: (e) => setAgreed(e.target.checked) },
              },
            ]}
          />
          <Button disabled={!agreed} onClick={() => void accept()}>
            Accepter la charte
          </Button>
        </>
      )}
    </>
  );
}
