/**
 * A line chart as a standalone SVG (no dependencies): latency percentiles against clients, one
 * colour per server, one dash style per percentile, logarithmic latency axis.
 */
const colours = { Dayline: '#b91c1c', 'B0 socket.io': '#1d4ed8', 'B1 ws': '#15803d' };
const dashes = { p50: '', p95: '6 4', p99: '2 3' };
const escape = (text) => String(text).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {{ title: string, series: { server: string, percentile: 'p50'|'p95'|'p99', points: [number, number][] }[] }} chart
 *   points are [clients, ms]
 */
export function latencyChart({ title, series }) {
  const width = 720;
  const height = 420;
  const margin = { left: 64, right: 170, top: 40, bottom: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const xs = [...new Set(series.flatMap((s) => s.points.map(([x]) => x)))].sort((a, b) => a - b);
  const ys = series.flatMap((s) => s.points.map(([, y]) => Math.max(y, 1)));
  const low = Math.floor(Math.log10(Math.min(...ys, 10)));
  const high = Math.ceil(Math.log10(Math.max(...ys, 10)));
  // Clients sizes sit evenly spaced: they grow by different factors, and each is a measured point.
  const x = (clients) =>
    margin.left + (xs.length === 1 ? plotW / 2 : (xs.indexOf(clients) / (xs.length - 1)) * plotW);
  const y = (ms) => margin.top + plotH - ((Math.log10(Math.max(ms, 1)) - low) / (high - low || 1)) * plotH;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${margin.left}" y="24" font-size="15" font-weight="600">${escape(title)}</text>`,
  ];
  for (let p = low; p <= high; p++) {
    const ty = y(10 ** p);
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${ty}" y2="${ty}" stroke="#e5e7eb"/>`,
      `<text x="${margin.left - 8}" y="${ty + 4}" text-anchor="end">${10 ** p} ms</text>`,
    );
  }
  for (const clients of xs) {
    parts.push(
      `<line x1="${x(clients)}" x2="${x(clients)}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#f3f4f6"/>`,
      `<text x="${x(clients)}" y="${margin.top + plotH + 18}" text-anchor="middle">${clients.toLocaleString('en')}</text>`,
    );
  }
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${height - 10}" text-anchor="middle">subscribed clients</text>`,
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#9ca3af"/>`,
  );
  let legendY = margin.top + 8;
  for (const s of series) {
    const colour = colours[s.server] ?? '#374151';
    const points = s.points.map(([cx, cy]) => `${x(cx)},${y(cy)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${dashes[s.percentile]}"/>`,
      ...s.points.map(([cx, cy]) => `<circle cx="${x(cx)}" cy="${y(cy)}" r="3" fill="${colour}"/>`),
    );
    const lx = margin.left + plotW + 16;
    parts.push(
      `<line x1="${lx}" x2="${lx + 28}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="2" stroke-dasharray="${dashes[s.percentile]}"/>`,
      `<text x="${lx + 34}" y="${legendY + 4}">${escape(`${s.server} ${s.percentile}`)}</text>`,
    );
    legendY += 18;
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
