/** @jsxImportSource #html-jsx */
import { t } from '../../../i18n/index.js';
import { fmtNum } from './i18n.js';

// Server-rendered horizontal bar chart: readable on a 360 px phone (labels sit above the bars,
// so long labels like "Tamat SD/sederajat" never get cut), no JavaScript, and accessible: the
// SVG has a title and summary, and the same numbers are in a real table for screen readers.

export interface Bar {
  label: string;
  jumlah: number;
}

const ROW = 34;
const WIDTH = 320;

export function BarChart(props: { id: string; title: string; bars: Bar[] }) {
  const bars = props.bars.filter((b) => b.jumlah >= 0);
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.jumlah));
  const total = bars.reduce((s, b) => s + b.jumlah, 0);
  const height = bars.length * ROW + 4;
  const titleId = `${props.id}-t`;
  return (
    <figure class="chart">
      <figcaption id={titleId}>{props.title}</figcaption>
      {/* The picture is for sighted readers; screen readers get the table below instead. */}
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} aria-hidden="true" focusable="false">
        {bars.map((b, i) => {
          const w = Math.max(2, Math.round((b.jumlah / max) * (WIDTH - 100)));
          const y = i * ROW;
          const pct = total > 0 ? Math.round((b.jumlah / total) * 100) : 0;
          return (
            <g>
              <text x="0" y={y + 12} class="cl">{b.label}</text>
              <rect x="0" y={y + 16} width={w} height="12" rx="2" class="cb" />
              <text x={w + 6} y={y + 27} class="cv">{`${fmtNum(b.jumlah)} (${pct}%)`}</text>
            </g>
          );
        })}
      </svg>
      <div class="sr">
      <table>
        <caption>{t('site.stat.tableCaption', { title: props.title })}</caption>
        <thead>
          <tr><th scope="col">{t('site.stat.kategori')}</th><th scope="col">{t('site.stat.jumlah')}</th></tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr><th scope="row">{b.label}</th><td>{fmtNum(b.jumlah)}</td></tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
