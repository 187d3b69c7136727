import {printable} from './value-codec.js';

/** The design's categories first, in the web page's order; others follow alphabetically. */
const knownOrder = ['api_keys', 'paths', 'ports', 'general'];

const knownLabels: Record<string, string> = {
  api_keys: 'API Keys',
  letta: 'Letta',
  paths: 'Paths',
  ports: 'Ports',
  general: 'General',
};

export function compareCategories(a: string, b: string): number {
  const ra = knownOrder.indexOf(a);
  const rb = knownOrder.indexOf(b);
  if (ra !== -1 || rb !== -1) return (ra === -1 ? Infinity : ra) - (rb === -1 ? Infinity : rb);
  return a.localeCompare(b);
}

/**
 * A human label: known ones as the web page had them, others from the name
 * (`ai_models` -> `Ai Models`), control characters escaped (another program
 * may have named the category).
 */
export function categoryLabel(category: string): string {
  return printable(
    knownLabels[category] ??
      category
        .split('_')
        .filter(Boolean)
        .map((word) => word[0]!.toUpperCase() + word.slice(1))
        .join(' '),
  );
}
