import { authorizationHeader, problemText } from '../../api/client';

/**
 * Downloads a file from the API with the access token in the Authorization header (never in the URL
 * or web storage) and hands it to the browser under `filename`.
 */
export async function downloadFromApi(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: authorizationHeader() });
  if (!response.ok) throw new Error(problemText(await response.json().catch(() => null), 'Le téléchargement a échoué. Réessayez.'));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
