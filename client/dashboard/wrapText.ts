// Line breaking for text drawn on a canvas (chart labels), where the browser does not wrap by itself.

/**
 * Breaks text into lines no wider than `max` pixels, between words (or between the given parts). A single word
 * wider than that is cut with "…" unless `cut` is false (then the drawing squeezes it a little); so are lines
 * past `maxLines`. The full text must be available elsewhere (tooltip, text alternative, table).
 */
export function wrapToWidth(parts: string[], joiner: string, max: number, measure: (s: string) => number, maxLines = 3, cut = true): string[] {
  const shorten = (text: string) => {
    let w = text;
    while (w.length > 1 && measure(`${w}…`) > max) w = w.slice(0, -1);
    return `${w.trimEnd()}…`;
  };
  const fit = (word: string) => (!cut || measure(word) <= max ? word : shorten(word));
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && measure(`${last}${joiner}${part}`) <= max) lines[lines.length - 1] = `${last}${joiner}${part}`;
    else lines.push(fit(part));
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = shorten(kept[maxLines - 1].replace(/…$/, ''));
  return kept;
}
