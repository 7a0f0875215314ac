import * as vega from 'vega';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Charts of the report as SVG text, rendered without a browser or canvas: Vega-Lite compiles the
 * chart, Vega lays it out headless and writes SVG markup, synchronously, so the same code draws the
 * charts of the HTML report (CLI) and of the page (renderer). Vega marks the SVG up for assistive
 * technology (a role and a description); each chart also comes with its data table in the report.
 */

export interface BarDatum {
  label: string;
  count: number;
}

export interface LineDatum {
  series: string;
  period: string;
  count: number;
}

const font = 'system-ui, sans-serif';
const config = { font, axis: { labelFont: font, titleFont: font, labelLimit: 240 }, view: { stroke: null } };

/** Vega's own headless layout (vega-view's renderHeadless), done synchronously: no data is loaded, so nothing waits. */
interface HeadlessView {
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
}
type StringRenderer = {
  initialize(el: null, width: number, height: number, origin: readonly number[]): StringRenderer;
  render(scene: unknown): StringRenderer;
  svg(): string;
};

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function toSvg(spec: TopLevelSpec & { description: string }): string {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  view.run();
  const internal = view as unknown as HeadlessView;
  const p = view.padding() as { left: number; right: number; top: number; bottom: number };
  const width = Math.max(0, internal._viewWidth + p.left + p.right);
  const height = Math.max(0, internal._viewHeight + p.top + p.bottom);
  const origin = [p.left + internal._origin[0], p.top + internal._origin[1]];
  // Vega exports its string renderer, but its typings leave it out.
  const Renderer = (vega as unknown as { SVGStringRenderer: new (loader: unknown) => StringRenderer }).SVGStringRenderer;
  const renderer = new Renderer(view.loader());
  const svg = renderer
    .initialize(null, width, height, origin)
    .render((view.scenegraph() as unknown as { root: unknown }).root)
    .svg();
  view.finalize();
  // The chart as one image with its name for assistive technology; its numbers are in the table beside it.
  const name = escapeXml(spec.description);
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${name}" focusable="false" `).replace(/^(<svg[^>]*>)/, `$1<title>${name}</title>`);
}

/** A horizontal bar chart of counts; `description` becomes the SVG's accessible name. */
export function barChartSvg(data: readonly BarDatum[], description: string, countTitle: string): string {
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: 420,
    data: { values: data.map((d) => ({ ...d })) },
    mark: { type: 'bar', color: '#154273' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null },
      x: { field: 'count', type: 'quantitative', title: countTitle, axis: { tickMinStep: 1, format: 'd' } },
    },
    config,
  });
}

/** A line chart of counts over periods, one line per series. */
export function lineChartSvg(data: readonly LineDatum[], description: string, countTitle: string, periodTitle: string): string {
  return toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: 420,
    height: 200,
    data: { values: data.map((d) => ({ ...d })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', sort: null, title: periodTitle },
      y: { field: 'count', type: 'quantitative', title: countTitle, axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'series', type: 'nominal', title: null },
    },
    config,
  });
}
