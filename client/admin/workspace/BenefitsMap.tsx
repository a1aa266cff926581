// The benefits map (gevinstdiagram): enablers → behaviours → benefits → goals as an SVG with wrapped text in
// boxes and an arrow per link. Negative benefits have a dashed border AND the word "Negativ"; arrows to and
// from them are dashed. Every box is a link that opens the item's edit form. Below: the gaps, and the whole map
// as text. The full-size page (/projects/:id/gevinstdiagram) is for projectors and prints on A4 landscape.
import { useEffect, useMemo, type MouseEvent } from 'react';
import { projectApi, type ProjectDetail } from '../api';
import { useT } from '../../i18n/common';
import { useWorkspaceT, type WorkspaceKey } from '../../i18n/workspace';
import { Link, navigate } from '../../router';
import { useLoad } from '../useLoad';
import { workspaceApi, type BenefitsMap, type MapNode } from './api';
import { COLUMN_KEYS, MAP, layoutMap, roughMeasure, type Measure } from './mapLayout';
import { itemHash, useWorkspaceNav } from './workspaceNav';
import { WsError } from './shared';
import './workspace.css';

let canvasMeasure: Measure | null = null;
/** Text widths as the browser will draw them (canvas 2D uses the same font engine as SVG text). */
function measurer(): Measure {
  if (canvasMeasure) return canvasMeasure;
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!ctx) return roughMeasure;
  ctx.font = `${MAP.font}px ${MAP.fontFamily}`;
  canvasMeasure = (s) => ctx.measureText(s).width;
  return canvasMeasure;
}

type OpenHandler = (node: MapNode, e: MouseEvent) => void;

/** The map tab on the project page. */
export function MapSection({ project }: { project: ProjectDetail }) {
  const t = useWorkspaceT();
  const { open } = useWorkspaceNav();
  const map = useLoad(() => workspaceApi.benefitsMap(project.id), [project]);
  return (
    <section className="section" aria-labelledby="map-title">
      <h2 id="map-title">{t('mapTitle')}</h2>
      <p className="muted">{t('mapIntro')}</p>
      <p className="no-print">
        <Link to={`/projects/${project.id}/gevinstdiagram`}>{t('openFullMap')}</Link>
      </p>
      <WsError error={map.error} />
      {map.data && (
        <BenefitsMapView
          map={map.data}
          projectName={project.name}
          hrefFor={(n) => itemHash(n.kind, n.entityId)}
          onOpen={(n, e) => {
            e.preventDefault();
            open(n.kind, n.entityId);
          }}
        />
      )}
    </section>
  );
}

/** The full-size map on its own page: for a projector, and for printing on A4 landscape. */
export function BenefitsMapPage({ projectId }: { projectId: number }) {
  const t = useWorkspaceT();
  const tc = useT();
  const project = useLoad(() => projectApi.get(projectId), [projectId]);
  const map = useLoad(() => workspaceApi.benefitsMap(projectId), [projectId]);
  const name = project.data?.name ?? '';

  useEffect(() => {
    if (name) document.title = `${t('mapPageTitle', { project: name })} – Gevinstspor`;
  }, [name, t]);

  const hrefFor = (n: MapNode) => `/projects/${projectId}${itemHash(n.kind, n.entityId)}`;
  return (
    <div className="map-page">
      <div className="map-toolbar no-print">
        <Link to={`/projects/${projectId}#gevinstdiagram`} className="button secondary small">
          {t('backToProject')}
        </Link>
        <button type="button" className="small" onClick={() => window.print()}>
          {t('printMap')}
        </button>
      </div>
      <h1>{name ? t('mapPageTitle', { project: name }) : t('mapTitle')}</h1>
      <WsError error={project.error ?? map.error} />
      {!map.data && !map.error && (
        <p role="status" className="page-loading">
          {tc('loading')}
        </p>
      )}
      {map.data && (
        <BenefitsMapView
          map={map.data}
          projectName={name}
          large
          hrefFor={hrefFor}
          onOpen={(n, e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            navigate(hrefFor(n));
          }}
        />
      )}
    </div>
  );
}

const KIND_TAG: Record<MapNode['kind'], WorkspaceKey> = {
  enabler: 'tag_enabler',
  behaviour: 'tag_behaviour',
  benefit: 'tag_benefit',
  goal: 'tag_goal',
};

export function BenefitsMapView({
  map,
  projectName,
  large,
  hrefFor,
  onOpen,
}: {
  map: BenefitsMap;
  projectName: string;
  large?: boolean;
  hrefFor: (n: MapNode) => string;
  onOpen: OpenHandler;
}) {
  const t = useWorkspaceT();
  // Every box says what it is in words on its first line (also when printed in black and white).
  const tagFor = (n: MapNode) => t(n.negative ? 'mapTagNegative' : n.primary ? 'mapTagPrimary' : KIND_TAG[n.kind]);
  const layout = useMemo(() => layoutMap(map, tagFor, measurer()), [map, t.locale]); // eslint-disable-line react-hooks/exhaustive-deps
  const nodes = new Map(layout.boxes.map((b) => [b.node.id, b.node]));
  // The name is exactly the box's visible text, so speech input ("click Gevinst Mere tid …") works too.
  const label = (n: MapNode) => `${tagFor(n)} ${n.title.trim().replace(/\s+/g, ' ')}`;
  const empty = layout.boxes.length === 0;

  const edgeGroups: { key: WorkspaceKey; from: MapNode['kind'] }[] = [
    { key: 'edgesEnablerBehaviour', from: 'enabler' },
    { key: 'edgesBehaviourBenefit', from: 'behaviour' },
    { key: 'edgesBenefitGoal', from: 'benefit' },
  ];

  return (
    <div className={`benefits-map${large ? ' large' : ''}`}>
      {empty ? (
        <p>{t('mapEmpty')}</p>
      ) : (
        // Wider than a phone: it scrolls sideways inside this named, focusable region, never the whole page.
        <div className="map-scroll" role="region" aria-label={t('mapTitle')} tabIndex={0}>
          <svg
            className="map-svg"
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="group"
            aria-label={t('mapLabel', { project: projectName })}
            data-testid="benefits-map"
          >
            <defs>
              <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="map-arrow-head" />
              </marker>
              <marker id="map-arrow-negative" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" className="map-arrow-head negative" />
              </marker>
            </defs>
            {layout.columns.map((c, i) => (
              <g key={c.key}>
                <text x={c.centre} y={30} textAnchor="middle" className="map-col-head">
                  {t(`col_${COLUMN_KEYS[i]}` as WorkspaceKey)}
                </text>
                {i < 3 && (
                  <text x={c.x + MAP.colW + MAP.gap / 2} y={30} textAnchor="middle" className="map-col-arrow" aria-hidden="true">
                    →
                  </text>
                )}
              </g>
            ))}
            <g className="map-edges" aria-hidden="true">
              {layout.edges.map((e) => (
                <path
                  key={`${e.from}>${e.to}`}
                  d={e.d}
                  className={`map-edge${e.negative ? ' negative' : ''}`}
                  markerEnd={`url(#${e.negative ? 'map-arrow-negative' : 'map-arrow'})`}
                  data-from={e.from}
                  data-to={e.to}
                  data-negative={e.negative ? 'true' : undefined}
                />
              ))}
            </g>
            {layout.boxes.map((b) => {
              const n = b.node;
              const cls = ['map-node', n.kind, n.negative ? 'negative' : '', n.primary ? 'primary' : ''].filter(Boolean).join(' ');
              const textTop = b.y + MAP.boxPad + MAP.tagH;
              return (
                <a
                  key={n.id}
                  href={hrefFor(n)}
                  className={cls}
                  aria-label={label(n)}
                  data-node-id={n.id}
                  data-negative={n.negative ? 'true' : undefined}
                  onClick={(e) => onOpen(n, e)}
                >
                  <rect x={b.x - 4} y={b.y - 4} width={b.w + 8} height={b.h + 8} rx={10} className="map-focus" />
                  <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} className="map-box" />
                  <text>
                    <tspan x={b.x + MAP.boxPad} y={b.y + MAP.boxPad + MAP.tagFont} className="map-tag">
                      {`${b.tag} `}
                    </tspan>
                    {b.lines.map((line, i) => (
                      <tspan key={i} x={b.x + MAP.boxPad} y={textTop + MAP.font + i * MAP.lineH} className="map-text">
                        {i < b.lines.length - 1 ? `${line} ` : line}
                      </tspan>
                    ))}
                  </text>
                </a>
              );
            })}
          </svg>
        </div>
      )}
      <ul className="map-legend">
        <li>{t('legendBox')}</li>
        <li>{t('legendArrow')}</li>
        <li>{t('legendNegative')}</li>
      </ul>
      {!empty && (
        <section className="map-gaps" aria-labelledby="map-gaps-title">
          <h3 id="map-gaps-title">{t('gapsTitle')}</h3>
          {map.gaps.length === 0 ? (
            <p>{t('noGaps')}</p>
          ) : (
            <ul>
              {map.gaps.map((g) => {
                const n = nodes.get(g.node);
                if (!n) return null;
                return (
                  <li key={`${g.node}:${g.code}`} data-gap={g.code} data-node-id={g.node}>
                    <a href={hrefFor(n)} onClick={(e) => onOpen(n, e)}>
                      {t(`gap_${g.code}` as WorkspaceKey, { title: n.title })}
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      {!empty && (
        <details className="map-as-text no-print">
          <summary>{t('mapAsText')}</summary>
          {edgeGroups.map((group) => {
            const es = map.edges.filter((e) => nodes.get(e.from)?.kind === group.from);
            return (
              <div key={group.key}>
                <h4>{t(group.key)}</h4>
                {es.length === 0 ? (
                  <p className="muted">{t('noEdges')}</p>
                ) : (
                  <ul>
                    {es.map((e) => {
                      const a = nodes.get(e.from)!;
                      const b = nodes.get(e.to)!;
                      return <li key={`${e.from}>${e.to}`}>{t('edgeText', { from: label(a), to: label(b) })}</li>;
                    })}
                  </ul>
                )}
              </div>
            );
          })}
        </details>
      )}
    </div>
  );
}
