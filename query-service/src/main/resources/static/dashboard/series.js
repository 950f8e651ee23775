// A series over time: every claimant's line overlaid, corrected reports marked, the source and
// publication time of each point on hover and in the table next to the chart; figures that
// contradict the same claimant's others (anomalies) marked, and the open ones listed.
import {el, fill, instant, isoDay, label, number, qualified, worldDateEnd} from './format.js';

const COLOURS = ['#1d4f91', '#a4262c', '#2d6a2e', '#6b3fa0', '#8a4b00', '#005f73'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const ANOMALY = '#8a1c1c';
const TABLE_ROWS = 100;
const ANOMALIES_LISTED = 50;
let chart;

/**
 * Where each loss report was published and whether it was corrected, from the timeline:
 * key "side|claimant|date" -> {source, corrected}.
 */
export function reportSources(timeline) {
    const sources = new Map();
    for (const entry of timeline ?? []) {
        if (entry.kind !== 'LOSSES_REPORTED') {
            continue;
        }
        const side = String(entry.streamId ?? '').split('/')[2];
        sources.set(`${side}|${entry.claimant}|${entry.date}`, {source: entry.source, corrected: !!entry.corrected});
    }
    return sources;
}

/**
 * The anomalies of GET .../loss-anomalies that concern a point of this series, by report:
 * key "claimant|reportId" -> the anomalies it is one side of.
 */
export function anomaliesByReport(series, anomalies) {
    const byReport = new Map();
    for (const anomaly of anomalies?.anomalies ?? []) {
        if (anomaly.side !== series.side || anomaly.category !== series.category) {
            continue;
        }
        for (const figure of [anomaly.earlier, anomaly.later]) {
            const key = `${anomaly.claimant}|${figure?.reportId}`;
            byReport.set(key, [...(byReport.get(key) ?? []), anomaly]);
        }
    }
    return byReport;
}

/** Groups GET .../series points by claimant, oldest first, with the source of each and its anomalies. */
export function seriesLines(series, sources, anomalies = new Map()) {
    const lines = new Map();
    for (const point of series?.points ?? []) {
        if (point.value === null || point.value === undefined) {
            continue; // not reported: a gap, never a zero
        }
        const known = sources.get(`${series.side}|${point.claimant}|${point.asOf}`) ?? {};
        const line = lines.get(point.claimant) ?? [];
        line.push({x: worldDateEnd(point.asOf), y: point.value, point, source: known.source,
            corrected: known.corrected || !!point.corrected, anomalous: !!point.anomalous,
            anomalies: anomalies.get(`${point.claimant}|${point.reportId}`) ?? []});
        lines.set(point.claimant, line);
    }
    for (const line of lines.values()) {
        line.sort((a, b) => a.x - b.x);
    }
    return lines;
}

/** Draws the chart and the table of the newest points. */
export function renderSeries(canvas, table, series, sources, anomalies) {
    const lines = seriesLines(series, sources, anomaliesByReport(series, anomalies));
    const title = `${series.side} · ${label(series.category)}`;
    canvas.setAttribute('aria-label', `${title}: ${[...lines.keys()].length} claimant(s); the table below lists the points`);
    renderTable(table, title, lines);
    if (typeof Chart === 'undefined') {
        canvas.replaceWith(el('p', {class: 'error'}, 'The charting library did not load; the table lists the figures.'));
        return;
    }
    const xs = [...lines.values()].flat().map(p => p.x);
    const day = 86_400_000;
    const span = xs.length ? Math.max(...xs) - Math.min(...xs) : 0;
    const pad = Math.max(span * 0.05, 7 * day);
    chart?.destroy();
    chart = new Chart(canvas, {
        type: 'line',
        data: {
            datasets: [...lines.entries()].map(([claimant, points], i) => ({
                label: claimant,
                data: points,
                parsing: false,
                borderColor: COLOURS[i % COLOURS.length],
                backgroundColor: COLOURS[i % COLOURS.length],
                borderDash: DASHES[i % DASHES.length],
                borderWidth: 2,
                spanGaps: false,
                pointStyle: points.map(p => p.anomalous ? 'rectRot' : p.corrected ? 'triangle' : 'circle'),
                pointRadius: points.map(p => p.anomalous ? 8 : p.corrected ? 7 : points.length > 60 ? 0 : 3),
                pointBorderColor: points.map(p => p.anomalous ? ANOMALY : COLOURS[i % COLOURS.length]),
                pointBackgroundColor: points.map(p => p.anomalous ? '#ffffff' : COLOURS[i % COLOURS.length]),
                pointBorderWidth: points.map(p => p.anomalous ? 3 : 1),
                pointHoverRadius: 7,
            })),
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            interaction: {mode: 'nearest', intersect: false},
            scales: {
                x: {type: 'linear', min: xs.length ? Math.min(...xs) - pad : undefined,
                    max: xs.length ? Math.max(...xs) + pad : undefined,
                    ticks: {callback: value => isoDay(value), maxTicksLimit: 6}},
                y: {ticks: {callback: value => number(value)}},
            },
            plugins: {
                legend: {position: 'bottom'},
                tooltip: {
                    callbacks: {
                        title: items => items.length ? items[0].raw.point.asOf : '',
                        label: item => `${item.dataset.label}: ${qualified(item.raw.point)}`,
                        afterLabel: item => tooltipLines(item.raw),
                    },
                },
            },
        },
    });
}

function tooltipLines(raw) {
    const lines = [];
    if (raw.anomalous) {
        lines.push('Anomaly: contradicts the same claimant\'s other figures');
        raw.anomalies.forEach(anomaly => lines.push(anomaly.description));
    }
    if (raw.corrected) {
        lines.push('Corrected after it was first reported');
    }
    if (raw.source) {
        lines.push(`Source: ${raw.source.outlet ?? raw.source.url ?? 'not given'}`);
        lines.push(`Published: ${instant(raw.source.publishedAt)}`);
    }
    lines.push(`Report: ${raw.point.reportId ?? 'unknown'}`);
    return lines;
}

function renderTable(table, title, lines) {
    const rows = [...lines.values()].flat().sort((a, b) => b.x - a.x).slice(0, TABLE_ROWS);
    fill(table,
        el('caption', {}, `${title}: the newest ${rows.length} point(s)`),
        el('thead', {}, el('tr', {}, ['Date', 'Claimant', 'Figure', 'Flags', 'Source'].map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, rows.map(row => el('tr', {},
            el('td', {}, row.point.asOf),
            el('td', {}, row.point.claimant),
            el('td', {class: 'num'}, qualified(row.point)),
            el('td', {}, row.corrected ? 'corrected ' : '', row.anomalous ? 'anomaly' : '',
                row.anomalies.map(a => el('span', {class: 'anomaly-note'}, `: ${a.description}`))),
            el('td', {}, row.source ? sourceCell(row.source) : 'see the timeline')))));
}

function sourceCell(source) {
    const name = source.outlet ?? source.url ?? 'source';
    const link = source.url ? el('a', {href: source.url, rel: 'noopener noreferrer', target: '_blank'}, name) : name;
    return el('span', {}, link, ', ', instant(source.publishedAt));
}

/** GET .../loss-anomalies?status=open: claimant, side and category, dates and the message, newest first. */
export function renderAnomalies(table, count, view) {
    const anomalies = (view?.anomalies ?? []).slice(0, ANOMALIES_LISTED);
    const total = view?.total ?? anomalies.length;
    count.textContent = total === 0 ? 'No open anomaly: no claimant contradicts its own figures.'
        : `${number(total)} open anomal${total === 1 ? 'y' : 'ies'}`
            + (total > anomalies.length ? `, the newest ${anomalies.length} listed` : '')
            + '. Each figure counts as its claimant published it; the pair is flagged, not corrected.';
    fill(table,
        el('thead', {}, el('tr', {}, ['Claimant', 'Category', 'Date', 'Message', 'Flagged']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, anomalies.map(a => el('tr', {dataset: {report: a.later?.reportId ?? ''}},
            el('td', {}, a.claimant),
            el('td', {}, `${a.side} · ${label(a.category)}`),
            el('td', {}, a.later?.asOf ?? '', a.earlier?.asOf && a.earlier.asOf !== a.later?.asOf ? ` (after ${a.earlier.asOf})` : ''),
            el('td', {}, a.description),
            el('td', {}, instant(a.openedAt))))));
}
