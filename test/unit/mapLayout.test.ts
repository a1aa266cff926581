// The benefits map's pure layout: text wrapping, four columns, neighbour ordering and one arrow per edge.
import { describe, expect, it } from 'vitest';
import { MAP, layoutMap, roughMeasure, wrapText } from '../../client/admin/workspace/mapLayout';
import type { BenefitsMap, MapNode } from '../../client/admin/workspace/api';

const perChar = (s: string) => s.length * 10;

describe('wrapText', () => {
  it('wraps on words within the width and breaks a word longer than a line', () => {
    expect(wrapText('Læser selv beboerens status', 120, perChar)).toEqual(['Læser selv', 'beboerens', 'status']);
    expect(wrapText('Omsorgssystemsmobilapp', 100, perChar)).toEqual(['Omsorgssys', 'temsmobila', 'pp']);
    expect(wrapText('  ', 100, perChar)).toEqual(['']);
  });
});

const node = (kind: MapNode['kind'], id: number, extra: Partial<MapNode> = {}): MapNode => ({ id: `${kind}:${id}`, kind, entityId: id, title: `${kind} ${id}`, ...extra });

describe('layoutMap', () => {
  const map: BenefitsMap = {
    columns: {
      enablers: [node('enabler', 1), node('enabler', 2)],
      behaviours: [node('behaviour', 1, { primary: true }), node('behaviour', 2)],
      benefits: [node('benefit', 1), node('benefit', 2, { negative: true })],
      goals: [node('goal', 1), node('goal', 2)],
    },
    edges: [
      { from: 'enabler:2', to: 'behaviour:1' },
      { from: 'enabler:1', to: 'behaviour:2' },
      { from: 'behaviour:1', to: 'benefit:2', negative: true },
      { from: 'behaviour:2', to: 'benefit:1' },
      { from: 'benefit:1', to: 'goal:2' },
    ],
    gaps: [],
  };
  const layout = layoutMap(map, (n) => (n.negative ? 'Negativ gevinst' : n.kind), roughMeasure);

  it('puts enablers, behaviours, benefits and goals in four columns left to right', () => {
    const xs = ['enabler', 'behaviour', 'benefit', 'goal'].map((k) => new Set(layout.boxes.filter((b) => b.node.kind === k).map((b) => b.x)));
    expect(xs.every((s) => s.size === 1)).toBe(true);
    const [a, b, c, d] = xs.map((s) => [...s][0]);
    expect(a < b && b < c && c < d).toBe(true);
    expect(layout.width).toBe(2 * MAP.padX + 4 * MAP.colW + 3 * MAP.gap);
  });

  it('orders each column after its linked neighbours, so arrows cross less', () => {
    const order = (kind: string) => layout.boxes.filter((b) => b.node.kind === kind).sort((p, q) => p.y - q.y).map((b) => b.node.id);
    expect(order('behaviour')).toEqual(['behaviour:1', 'behaviour:2']);
    expect(order('enabler')).toEqual(['enabler:2', 'enabler:1']);
    expect(order('benefit')).toEqual(['benefit:2', 'benefit:1']);
    // goal:1 has no link and goes last.
    expect(order('goal')).toEqual(['goal:2', 'goal:1']);
  });

  it('draws one arrow per edge from the right side of one box to the left side of the next, marking negative ones', () => {
    expect(layout.edges).toHaveLength(5);
    const e = layout.edges.find((x) => x.from === 'behaviour:1')!;
    const from = layout.boxes.find((b) => b.node.id === 'behaviour:1')!;
    const to = layout.boxes.find((b) => b.node.id === 'benefit:2')!;
    expect(e.negative).toBe(true);
    expect(e.d.startsWith(`M ${from.x + from.w} ${from.y + from.h / 2}`)).toBe(true);
    expect(e.d.endsWith(`${to.x - 2} ${to.y + to.h / 2}`)).toBe(true);
    expect(layout.edges.filter((x) => x.negative)).toHaveLength(1);
    expect(layout.boxes.find((b) => b.node.id === 'benefit:2')!.tag).toBe('Negativ gevinst');
  });

  it('keeps boxes inside the drawing and apart from each other', () => {
    for (const b of layout.boxes) expect(b.y + b.h).toBeLessThanOrEqual(layout.height);
    const col = layout.boxes.filter((b) => b.node.kind === 'enabler').sort((p, q) => p.y - q.y);
    expect(col[1].y).toBeGreaterThanOrEqual(col[0].y + col[0].h + MAP.boxGap);
  });
});
