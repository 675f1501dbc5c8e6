import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../components/Toasts';
import { deliverFile } from '../../lib/download';
import { chartCsv, type ChartSpec } from './charts';
import { echarts } from './echarts';

type Chart = ReturnType<typeof echarts.init>;

/** The SVG drawn on a white page at twice its size, as PNG bytes. */
async function svgToPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  return new Uint8Array(await blob.arrayBuffer());
}

/** One chart: drawn by ECharts, its numbers in a table beside it for screen readers, and its exports. */
export function ChartCard({ spec }: { spec: ChartSpec }) {
  const { t } = useTranslation();
  const toast = useToast();
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, null, { renderer: 'svg' });
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(spec.option, true);
  }, [spec.option]);

  const save = async (format: 'png' | 'svg' | 'csv') => {
    const c = chart.current;
    const name = `casefile-${spec.id}.${format}`;
    try {
      let data: Uint8Array | string;
      if (format === 'csv') data = new TextEncoder().encode(chartCsv(spec));
      else {
        if (!c) return;
        const svg = c.renderToSVGString();
        data = format === 'svg' ? svg : await svgToPng(svg, c.getWidth(), c.getHeight());
      }
      const result = await deliverFile(name, data, format);
      if (result.kind === 'failed') toast({ kind: 'error', message: t('statistics.exportFailed', { message: result.error }) });
      else if (result.kind !== 'cancelled') toast({ kind: 'success', message: t('statistics.exported', { name: result.kind === 'saved' ? result.path : result.name }) });
    } catch (err) {
      toast({ kind: 'error', message: t('statistics.exportFailed', { message: (err as Error).message }) });
    }
  };

  return (
    <section className="stats-card" aria-labelledby={headingId} data-chart={spec.id}>
      <header className="stats-card-head">
        <h2 id={headingId}>{spec.title}</h2>
        <div className="stats-exports">
          {(['png', 'svg', 'csv'] as const).map((format) => (
            <button key={format} type="button" className="btn btn-small" aria-label={t('statistics.exportLabel', { chart: spec.title, format: format.toUpperCase() })} onClick={() => void save(format)}>
              {format.toUpperCase()}
            </button>
          ))}
        </div>
      </header>
      <div ref={box} className="stats-chart" style={{ height: spec.height }} aria-hidden="true" />
      {spec.note && <p className="stats-note">{spec.note}</p>}
      <table className="visually-hidden">
        <caption>{spec.title}</caption>
        <thead>
          <tr>
            {spec.head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row) => (
            <tr key={String(row[0])}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
