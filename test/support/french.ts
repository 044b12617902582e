/**
 * Whether a text meant for people reads as French: no common English word, and at least one French
 * accent or a common French word. Identifiers (field paths, values, URLs) are taken out first.
 */
const ENGLISH_WORDS =
  /\b(the|must|should|not|is|are|be|been|of|and|your|you|this|that|found|request|resource|error|cannot|invalid|required|denied|forbidden|unauthorized|conflict|please|with|from|exist|does|unexpected|allowed|missing|too|many|bad|entity|unprocessable|payload|internal|server|unsupported)\b/i;
const FRENCH_MARKS =
  /[àâçéèêëîïôûùœ’«»]|\b(le|la|les|de|du|des|un|une|est|doit|pas|ce|cette|votre|vous|aucun|aucune|dans|pour|avec|non|trop|inconnue?|requise?|manquante?|membre|fichier|structure|introuvable|impossible|interne|charte|accord|urgence|erreur|service|demande)\b/i;

/** Removes what is code, not words: paths, field paths, snake_case or camelCase identifiers, numbers. */
function words(text: string): string {
  return text
    .replace(/\S*[/_.:{}()[\]=]\S*/g, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ')
    .replace(/\d+/g, ' ');
}

/** The reason a text is not French, or undefined when it is. */
export function notFrench(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return 'missing';
  const english = ENGLISH_WORDS.exec(words(text));
  if (english) return `English word « ${english[1]} »`;
  if (!FRENCH_MARKS.test(text)) return 'no French word';
  return undefined;
}

interface Problem {
  title?: unknown;
  detail?: unknown;
  errors?: { field: string; messages: string[] }[];
}

/** Every word of a problem meant for people that is not French, each as "part: reason (text)". */
export function notFrenchParts(problem: Problem): string[] {
  const parts: [string, unknown][] = [
    ['title', problem.title],
    ['detail', problem.detail],
    ...(problem.errors ?? []).flatMap((error) =>
      error.messages.map((message) => [`errors[${error.field}]`, message.split(error.field).join(' ')] as [string, unknown]),
    ),
  ];
  return parts.flatMap(([part, text]) => {
    const reason = notFrench(text);
    return reason ? [`${part}: ${reason} (${String(text)})`] : [];
  });
}
