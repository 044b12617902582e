import Alert from '@codegouvfr/react-dsfr/Alert';
import Button from '@codegouvfr/react-dsfr/Button';
import Table from '@codegouvfr/react-dsfr/Table';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useCallback, useEffect, useState } from 'react';
import { api, downloadDocument, problemText, uploadDocument, type Schemas } from '../api/client';
import { formatDateTime } from '../app/labels';
import { useLatest } from '../app/latest';

export const DOCUMENT_HINT = 'Formats acceptés : PDF, PNG, JPEG. Le document est chiffré dès sa réception.';

/** Uploads one file with a progress bar; calls back with the stored document. */
export function DocumentUpload({
  situationId,
  label,
  onUploaded,
}: {
  situationId: string;
  label: string;
  onUploaded: (d: Schemas['DocumentDto']) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  const send = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      onUploaded(await uploadDocument(situationId, file, setProgress));
    } catch (failure) {
      setError(problemText(failure));
      setProgress(null);
    }
    setKey((k) => k + 1);
  };
  return (
    <div className="fr-mb-3w">
      <Upload
        key={key}
        label={label}
        hint={DOCUMENT_HINT}
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error ?? undefined}
        nativeInputProps={{ accept: '.pdf,.png,.jpg,.jpeg', onChange: (e) => void send(e.target.files?.[0]) }}
      />
      {progress !== null && (
        <p className="fr-mt-1w">
          <label htmlFor={`progression-${situationId}`}>Dépôt du document : {progress} %</label>
          <br />
          <progress id={`progression-${situationId}`} max={100} value={progress} />
        </p>
      )}
    </div>
  );
}

export function DocumentsPanel({ situationId }: { situationId: string }) {
  const [documents, setDocuments] = useState<Schemas['DocumentDto'][] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const latest = useLatest();
  const load = useCallback(async () => {
    const current = latest();
    const { data, error: failure } = await api.GET('/api/situations/{id}/documents', { params: { path: { id: situationId } } });
    if (!current()) return;
    setDocuments(data ?? null);
    if (!data) setError(problemText(failure));
  }, [situationId, latest]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h2 className="fr-h4">Documents</h2>
      {error && <Alert className="fr-mb-2w" severity="error" small description={error} />}
      <DocumentUpload
        situationId={situationId}
        label="Ajouter un document"
        onUploaded={(document) => {
          setNotice(`Document « ${document.filename} » déposé.`);
          void load();
        }}
      />
      <div role="status">{notice && <Alert className="fr-mb-2w" severity="success" small description={notice} />}</div>
      {documents && documents.length === 0 && <p>Aucun document.</p>}
      {documents && documents.length > 0 && (
        <Table
          caption="Documents du dossier"
          headers={['Fichier', 'Type', 'Taille', 'Déposé le', 'Action']}
          data={documents.map((d) => [
            d.filename,
            d.mediaType,
            `${Math.ceil(d.sizeBytes / 1024)} Ko`,
            formatDateTime(d.uploadedAt),
            <Button
              key="download"
              size="small"
              priority="secondary"
              iconId="fr-icon-download-line"
              title={`Télécharger ${d.filename}`}
              onClick={() => void downloadDocument(situationId, d).catch((failure) => setError(problemText(failure)))}
            >
              Télécharger
            </Button>,
          ])}
        />
      )}
    </>
  );
}
