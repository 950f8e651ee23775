// A series over time: every claimant's line overlaid, corrected reports marked, the source and
// publication time of each point on hover, on keyboard focus and in the table next to the chart;
// figures that contradict the same claimant's others (anomalies) marked, and the open ones listed.
import {el, fill, instant, isoDay, label, number, qualified, worldDateEnd} from './format.js';

const COLOURS = ['#1d4f91', '#a4262c', '#2d6a2e', '#6b3fa0', '#8a4b00', '#005f73'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
const ANOMALY = '#8a1c1c';
const TABLE_ROWS = 100;
const ANOMALIES_LISTED = 50;
let chart;
let focusedKey = null;     // the point that has the keyboard's tab stop: "claimant|reportId|asOf"

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
export function renderSeries(canvas, table, series, sources, anomalies, tooltipBox, pointsBox) {
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
    const hadFocus = !!pointsBox?.contains(document.activeElement);
    if (tooltipBox) {
        tooltipBox.hidden = true;
    }
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
                    // Drawn as HTML next to the canvas: the same box for the mouse and the keyboard, and its text is text.
                    enabled: !tooltipBox,
                    external: tooltipBox ? context => showTooltip(tooltipBox, context) : undefined,
                    callbacks: {
                        title: items => items.length ? items[0].raw.point.asOf : '',
                        label: item => `${item.dataset.label}: ${qualified(item.raw.point)}`,
                        afterLabel: item => tooltipLines(item.raw),
                    },
                },
            },
        },
        plugins: pointsBox ? [{id: 'keyboardPoints', afterUpdate: placePoints}] : [],
    });
    if (pointsBox) {
        renderPoints(pointsBox, title, chart, hadFocus);
    }
}

/** A point in words, for a screen reader: value, date, claimant, source, publication time and flags. */
export function pointLabel(raw) {
    const source = raw.source
        ? `source: ${raw.source.outlet ?? raw.source.url ?? 'not given'}, published ${instant(raw.source.publishedAt)}`
        : 'source: see the timeline';
    return [`${qualified(raw.point)} as of ${raw.point.asOf}, claimed by ${raw.point.claimant}`, source,
        raw.corrected ? 'corrected after it was first reported' : null,
        raw.anomalous ? `anomaly: ${raw.anomalies.map(a => a.description).join('; ') || 'contradicts the claimant\'s other figures'}` : null]
        .filter(Boolean).join('; ');
}

const pointKey = raw => `${raw.point.claimant}|${raw.point.reportId}|${raw.point.asOf}`;

/**
 * One focusable element over each point of the chart, in a group with a single tab stop (the
 * arrow keys move between the points, Home and End to a line's first and last, Up and Down to the
 * other claimants' lines, Escape hides the tooltip). Focus shows the same tooltip as hovering.
 */
function renderPoints(box, title, drawn, hadFocus) {
    const datasets = drawn.data.datasets;
    const all = datasets.flatMap((dataset, d) => dataset.data.map((raw, i) => ({d, i, key: pointKey(raw)})));
    const stop = all.find(p => p.key === focusedKey)
        ?? (datasets.length && datasets[0].data.length ? {d: 0, i: datasets[0].data.length - 1} : null);
    box.setAttribute('aria-label', `Points of ${title} (${all.length}): the arrow keys move from one to the next`);
    fill(box, datasets.map((dataset, d) => dataset.data.map((raw, i) => el('span', {
        class: 'chart-point', role: 'img', tabindex: stop && stop.d === d && stop.i === i ? '0' : '-1',
        'aria-label': pointLabel(raw), dataset: {dataset: String(d), index: String(i)}}))));
    if (!box.dataset.wired) {
        // Once per page: the handlers act on the chart drawn last.
        box.dataset.wired = 'true';
        box.addEventListener('focusin', event => {
            const target = event.target.closest('.chart-point');
            if (target && chart) {
                activate(chart, Number(target.dataset.dataset), Number(target.dataset.index));
            }
        });
        box.addEventListener('focusout', event => {
            if (chart && !box.contains(event.relatedTarget)) {
                activate(chart, null);
            }
        });
        box.addEventListener('keydown', event => {
            if (chart) {
                movePoint(box, chart, event);
            }
        });
    }
    placePoints(drawn);
    if (hadFocus && stop) {
        box.querySelector('[tabindex="0"]')?.focus();
    }
}

/** Puts each point's focusable element over the point as the chart drew it (again after every resize). */
function placePoints(chart) {
    const box = chart.canvas.parentElement?.querySelector('.chart-points');
    if (!box) {
        return;
    }
    for (const element of box.children) {
        const drawn = chart.getDatasetMeta(Number(element.dataset.dataset))?.data[Number(element.dataset.index)];
        if (drawn) {
            element.style.left = `${chart.canvas.offsetLeft + drawn.x}px`;
            element.style.top = `${chart.canvas.offsetTop + drawn.y}px`;
        }
    }
}

/** Shows the point as hovered, with its tooltip; null hides both. */
function activate(chart, datasetIndex, index) {
    const active = datasetIndex === null ? [] : [{datasetIndex, index}];
    const drawn = datasetIndex === null ? null : chart.getDatasetMeta(datasetIndex).data[index];
    if (datasetIndex !== null) {
        focusedKey = pointKey(chart.data.datasets[datasetIndex].data[index]);
    }
    chart.setActiveElements(active);
    chart.tooltip.setActiveElements(active, drawn ? {x: drawn.x, y: drawn.y} : {x: 0, y: 0});
    chart.render();
}

function movePoint(box, chart, event) {
    const current = event.target.closest('.chart-point');
    if (!current) {
        return;
    }
    if (event.key === 'Escape') {
        activate(chart, null);
        return;
    }
    const datasets = chart.data.datasets;
    let d = Number(current.dataset.dataset);
    let i = Number(current.dataset.index);
    const last = datasets[d].data.length - 1;
    if (event.key === 'ArrowRight') {
        i = Math.min(i + 1, last);
    } else if (event.key === 'ArrowLeft') {
        i = Math.max(i - 1, 0);
    } else if (event.key === 'Home') {
        i = 0;
    } else if (event.key === 'End') {
        i = last;
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
        const next = d + (event.key === 'ArrowDown' ? 1 : -1);
        if (next < 0 || next >= datasets.length || !datasets[next].data.length) {
            event.preventDefault();
            return;
        }
        const x = datasets[d].data[i].x;
        const nearest = datasets[next].data.reduce((best, p, j) =>
            Math.abs(p.x - x) < Math.abs(datasets[next].data[best].x - x) ? j : best, 0);
        d = next;
        i = nearest;
    } else {
        return;
    }
    event.preventDefault();
    const target = box.querySelector(`.chart-point[data-dataset="${d}"][data-index="${i}"]`);
    if (target && target !== current) {
        current.setAttribute('tabindex', '-1');
        target.setAttribute('tabindex', '0');
        target.focus();
    }
}

/** The tooltip of the point hovered or focused, as text in a box over the chart. */
function showTooltip(box, {chart, tooltip}) {
    if (!tooltip || tooltip.opacity === 0 || !(tooltip.dataPoints ?? []).length) {
        box.hidden = true;
        return;
    }
    fill(box,
        (tooltip.title ?? []).map(line => el('p', {class: 'tooltip-title'}, line)),
        (tooltip.body ?? []).flatMap(part => [...part.before, ...part.lines, ...part.after]).map(line => el('p', {}, line)));
    box.hidden = false;
    const area = box.parentElement.clientWidth;
    const x = chart.canvas.offsetLeft + tooltip.caretX;
    const left = x + 12 + box.offsetWidth <= area ? x + 12 : Math.max(0, x - 12 - box.offsetWidth);
    box.style.left = `${left}px`;
    box.style.top = `${Math.max(0, chart.canvas.offsetTop + tooltip.caretY - box.offsetHeight / 2)}px`;
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
