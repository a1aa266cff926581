// Pure layout of the benefits map: four columns (enablers → behaviours → benefits → goals), boxes sized to their
// wrapped text, boxes ordered so that linked boxes sit near each other, and one curved arrow per edge.
import type { BenefitsMap, MapNode } from './api';

export const MAP = {
  colW: 270,
  gap: 120,
  padX: 12,
  headH: 64,
  boxPad: 14,
  lineH: 25,
  font: 19,
  tagFont: 15,
  tagH: 24,
  boxGap: 20,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
};

export const COLUMN_KEYS = ['enablers', 'behaviours', 'benefits', 'goals'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface PlacedBox {
  node: MapNode;
  column: number;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  /** The line above the title: what the box is ("Leverance", "Primær adfærd", "Negativ gevinst", …). */
  tag: string;
}

export interface PlacedEdge {
  from: string;
  to: string;
  negative: boolean;
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  columns: { key: ColumnKey; x: number; centre: number }[];
  boxes: PlacedBox[];
  edges: PlacedEdge[];
}

export type Measure = (text: string) => number;

/** A rough width when no canvas is at hand (tests): average glyph ≈ 0.55 em. */
export const roughMeasure: Measure = (s) => s.length * MAP.font * 0.55;

/** Greedy word wrap to a pixel width; a word longer than a line is broken by characters. */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      return;
    }
    if (line) lines.push(line);
    line = '';
    if (measure(word) <= maxWidth) {
      line = word;
      return;
    }
    let part = '';
    for (const ch of word) {
      if (measure(part + ch) > maxWidth && part) {
        lines.push(part);
        part = '';
      }
      part += ch;
    }
    line = part;
  };
  for (const word of text.trim().split(/\s+/)) if (word) push(word);
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Orders `nodes` by the mean position of their neighbours in an already placed column; unlinked ones keep order at the end. */
function byNeighbours(nodes: MapNode[], neighbours: (id: string) => string[], position: Map<string, number>): MapNode[] {
  const score = (n: MapNode) => {
    const ps = neighbours(n.id)
      .map((m) => position.get(m))
      .filter((p): p is number => p !== undefined);
    return ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Number.POSITIVE_INFINITY;
  };
  return nodes
    .map((n, i) => ({ n, i, s: score(n) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.n);
}

export function layoutMap(map: BenefitsMap, tagFor: (node: MapNode) => string, measure: Measure = roughMeasure): MapLayout {
  const out = new Map<string, string[]>();
  const inn = new Map<string, string[]>();
  for (const e of map.edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    inn.set(e.to, [...(inn.get(e.to) ?? []), e.from]);
  }
  const pos = (nodes: MapNode[]) => new Map(nodes.map((n, i) => [n.id, i]));
  const behaviours = map.columns.behaviours;
  const enablers = byNeighbours(map.columns.enablers, (id) => out.get(id) ?? [], pos(behaviours));
  const benefits = byNeighbours(map.columns.benefits, (id) => inn.get(id) ?? [], pos(behaviours));
  const goals = byNeighbours(map.columns.goals, (id) => inn.get(id) ?? [], pos(benefits));
  const ordered = [enablers, behaviours, benefits, goals];

  const textW = MAP.colW - 2 * MAP.boxPad;
  const sized = ordered.map((nodes, column) =>
    nodes.map((node) => {
      const lines = wrapText(node.title, textW, measure);
      const tag = tagFor(node);
      const h = 2 * MAP.boxPad + lines.length * MAP.lineH + MAP.tagH;
      return { node, column, lines, tag, h };
    }),
  );
  const colHeights = sized.map((col) => col.reduce((sum, b) => sum + b.h, 0) + Math.max(0, col.length - 1) * MAP.boxGap);
  const bodyH = Math.max(80, ...colHeights);
  const columns = COLUMN_KEYS.map((key, i) => {
    const x = MAP.padX + i * (MAP.colW + MAP.gap);
    return { key, x, centre: x + MAP.colW / 2 };
  });

  const boxes: PlacedBox[] = [];
  sized.forEach((col, i) => {
    let y = MAP.headH + (bodyH - colHeights[i]) / 2;
    for (const b of col) {
      boxes.push({ node: b.node, column: i, x: columns[i].x, y, w: MAP.colW, h: b.h, lines: b.lines, tag: b.tag });
      y += b.h + MAP.boxGap;
    }
  });

  const at = new Map(boxes.map((b) => [b.node.id, b]));
  const edges: PlacedEdge[] = [];
  for (const e of map.edges) {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + a.w;
    const y1 = a.y + a.h / 2;
    const x2 = b.x - 2;
    const y2 = b.y + b.h / 2;
    const bend = (x2 - x1) / 2;
    edges.push({ from: e.from, to: e.to, negative: !!e.negative, d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` });
  }

  return { width: 2 * MAP.padX + 4 * MAP.colW + 3 * MAP.gap, height: MAP.headH + bodyH + 16, columns, boxes, edges };
}
