/**
 * Charts as plain SVG text. No chart library is used: a few bar charts and histograms need none,
 * and the files stay small, diffable and readable in review.
 */

const WIDTH = 760;
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1'];

export interface BarRow {
  label: string;
  values: { value: number; name: string }[];
}

/** Horizontal bars, one group per row, with an optional dashed target line. */
export function barChart(options: { title: string; unit: string; rows: BarRow[]; target?: { value: number; label: string }; digits?: number }): string {
  const { title, unit, rows, target, digits = 0 } = options;
  const series = rows[0]?.values.map((value) => value.name) ?? [];
  const barHeight = 12;
  const groupHeight = series.length * (barHeight + 2) + 10;
  const left = 260;
  const right = WIDTH - 90;
  const top = 48;
  const height = top + rows.length * groupHeight + 40;
  const max = Math.max(...rows.flatMap((row) => row.values.map((value) => value.value)), target?.value ?? 0) || 1;
  const x = (value: number) => left + (value / max) * (right - left);
  const parts: string[] = [header(WIDTH, height, title)];
  series.forEach((name, index) => {
    parts.push(`<rect x="${left + index * 110}" y="30" width="10" height="10" fill="${PALETTE[index % PALETTE.length]}"/>`);
    parts.push(`<text x="${left + index * 110 + 14}" y="39" font-size="11" ${FONT}>${escape(name)}</text>`);
  });
  rows.forEach((row, rowIndex) => {
    const y0 = top + rowIndex * groupHeight;
    parts.push(`<text x="${left - 8}" y="${y0 + groupHeight / 2}" font-size="11" text-anchor="end" ${FONT}>${escape(row.label)}</text>`);
    row.values.forEach((value, index) => {
      const y = y0 + index * (barHeight + 2);
      parts.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(value.value) - left).toFixed(1)}" height="${barHeight}" fill="${PALETTE[index % PALETTE.length]}"/>`);
      parts.push(`<text x="${(x(value.value) + 4).toFixed(1)}" y="${y + barHeight - 2}" font-size="10" ${FONT}>${value.value.toFixed(digits)} ${escape(unit)}</text>`);
    });
  });
  if (target) parts.push(...targetMarker(x(target.value), top - 6, height - 30, height - 16, target.label));
  parts.push('</svg>');
  return parts.join('\n');
}

/** Histograms of several sample sets on one value axis, one row each. */
export function histograms(options: { title: string; unit: string; series: { label: string; samples: number[] }[]; bins?: number; target?: { value: number; label: string } }): string {
  const { title, unit, series, bins = 40, target } = options;
  const all = series.flatMap((entry) => entry.samples);
  const min = Math.min(0, ...all);
  const max = Math.max(...all, target?.value ?? 0, 1);
  const width = (max - min) / bins;
  const rowHeight = 110;
  const left = 60;
  const right = WIDTH - 20;
  const top = 40;
  const height = top + series.length * rowHeight + 30;
  const x = (value: number) => left + ((value - min) / (max - min)) * (right - left);
  const parts: string[] = [header(WIDTH, height, title)];
  series.forEach((entry, index) => {
    const counts = new Array<number>(bins).fill(0);
    for (const sample of entry.samples) counts[Math.min(bins - 1, Math.floor((sample - min) / width))]! += 1;
    const peak = Math.max(...counts, 1);
    const base = top + (index + 1) * rowHeight - 20;
    parts.push(`<text x="${left}" y="${base - rowHeight + 34}" font-size="11" ${FONT}>${escape(entry.label)} (n=${entry.samples.length})</text>`);
    counts.forEach((count, bin) => {
      if (!count) return;
      const h = (count / peak) * (rowHeight - 45);
      parts.push(
        `<rect x="${x(min + bin * width).toFixed(1)}" y="${(base - h).toFixed(1)}" width="${Math.max(1, x(min + (bin + 1) * width) - x(min + bin * width) - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[index % PALETTE.length]}"/>`,
      );
    });
    parts.push(`<line x1="${left}" y1="${base}" x2="${right}" y2="${base}" stroke="#999"/>`);
  });
  for (let tick = 0; tick <= 5; tick++) {
    const value = min + ((max - min) * tick) / 5;
    parts.push(`<text x="${x(value).toFixed(1)}" y="${height - 10}" font-size="10" text-anchor="middle" ${FONT}>${Math.round(value)} ${escape(unit)}</text>`);
  }
  if (target) parts.push(...targetMarker(x(target.value), top, height - 24, top - 4, target.label));
  parts.push('</svg>');
  return parts.join('\n');
}

/** A dashed red line at a target's value, with its label. */
function targetMarker(at: number, fromY: number, toY: number, labelY: number, label: string): string[] {
  const tx = at.toFixed(1);
  return [
    `<line x1="${tx}" y1="${fromY}" x2="${tx}" y2="${toY}" stroke="#c00" stroke-dasharray="4 3"/>`,
    `<text x="${tx}" y="${labelY}" font-size="11" fill="#c00" text-anchor="middle" ${FONT}>${escape(label)}</text>`,
  ];
}

function header(width: number, height: number, title: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="600" ${FONT}>${escape(title)}</text>`,
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
