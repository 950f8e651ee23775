// Attacks: the records, a per-day chart of launched and intercepted weapons, the latest attacks and
// the reports whose figures contradict themselves. A number not reported is shown as "not
// reported", never as zero; an inconsistent report is shown as published, and marked.
import {el, fill, instant, label, number, NOT_REPORTED, sourceLink} from './format.js';

const DAYS_CHARTED = 60;
const ATTACKS_LISTED = 50;
const ANOMALIES_LISTED = 50;
let chart;

/**
 * An attack's figure over its weapon lines, {value, complete}: {value: null} when no line gave it,
 * complete false when some line did not (the value is then a lower bound). Answers {value, partial}.
 */
export function attackFigure(figure) {
    const value = typeof figure?.value === 'number' ? figure.value : null;
    return {value, partial: value !== null && figure?.complete === false};
}

/**
 * A figure summed over a day's attacks, {sum, reported, partial, unreported}: sum null when no
 * attack gave any of it; a lower bound ("at least") when some attack gave it in part or not at all.
 */
export function tallied(tally) {
    const value = typeof tally?.sum === 'number' ? tally.sum : null;
    return {value, partial: value !== null && ((tally?.partial ?? 0) > 0 || (tally?.unreported ?? 0) > 0)};
}

/** "479", "at least 320" or "not reported". */
export function atLeast({value, partial}) {
    return partial && value !== null ? `at least ${number(value)}` : number(value, NOT_REPORTED);
}

function weaponsLine(weapons) {
    if (!weapons || weapons.length === 0) {
        return 'Weapons not reported';
    }
    return weapons.map(w => `${label(w.type)}${w.model ? ` (${w.model})` : ''}: `
        + `launched ${number(w.launched, NOT_REPORTED)}, intercepted ${number(w.intercepted, NOT_REPORTED)}`)
        .join('; ');
}

function casualtiesLine(casualties) {
    return `killed ${number(casualties?.killed, NOT_REPORTED)}, injured ${number(casualties?.injured, NOT_REPORTED)}`;
}

function places(attack) {
    return (attack.targets ?? []).map(t => t.place && t.region && t.place !== t.region ? `${t.place} (${t.region})`
        : t.place ?? t.region).join(', ') || 'place not reported';
}

/** The mark of an attack whose figures contradict themselves, with what is wrong in words. */
function anomalyMark(attack) {
    if (!attack?.anomalous) {
        return '';
    }
    const reasons = (attack.anomalies ?? []).map(a => a.message).join('; ');
    return el('span', {class: 'attack-anomaly'}, el('span', {class: 'badge'}, 'inconsistent figures'),
        reasons ? ` ${reasons}` : '');
}

function recordCard(title, attack, figure) {
    if (!attack) {
        return el('article', {class: 'card record'}, el('h4', {}, title), el('p', {}, 'No attack with this figure reported yet.'));
    }
    return el('article', {class: 'card record', dataset: {attack: attack.attackId}},
        el('h4', {}, title),
        el('p', {class: 'value'}, figure),
        el('p', {}, attack.description ?? places(attack)),
        el('p', {class: 'meta'}, `${attack.startDate}${attack.endDate && attack.endDate !== attack.startDate ? ` to ${attack.endDate}` : ''}`
            + ` · ${places(attack)} · ${attack.attacker ?? 'attacker not reported'}`),
        el('p', {class: 'meta'}, `${weaponsLine(attack.weapons)}; ${casualtiesLine(attack.casualties)}`),
        el('p', {class: 'meta'}, `claimed by ${attack.claimant ?? 'unknown'}`, attack.corrected ? ' · corrected' : ''),
        attack.anomalous ? el('p', {class: 'meta'}, anomalyMark(attack)) : '',
        el('p', {class: 'meta'}, sourceLink(attack.source)));
}

/** GET .../attacks/records. */
export function renderRecords(container, records) {
    const overall = records?.mostLaunched;
    const sameAsOverall = r => overall && r.attack?.attackId === overall.attackId && (overall.weapons ?? []).length <= 1;
    const byType = (records?.mostLaunchedByWeaponType ?? []).filter(r => !sameAsOverall(r)).map(r =>
        recordCard(`Most ${label(r.weaponType).toLowerCase()}s in one attack`, r.attack, `${number(r.launched, NOT_REPORTED)} launched`));
    const deadliest = records?.deadliest;
    fill(container,
        recordCard('Most weapons in one attack', records?.mostLaunched,
            `${atLeast(attackFigure(records?.mostLaunched?.launched))} launched`),
        ...byType,
        recordCard('Deadliest attack', deadliest, deadliest ? `${number(deadliest.casualties?.killed, NOT_REPORTED)} killed` : ''));
}

/** GET .../attacks/daily -> per day launched, intercepted, killed, injured as {value, partial}. */
export function dailyRows(daily) {
    return (daily ?? []).slice(-DAYS_CHARTED).map(day => ({
        date: day.date,
        attacks: day.attacks,
        launched: tallied(day.launched),
        intercepted: tallied(day.intercepted),
        killed: tallied(day.killed),
        injured: tallied(day.injured),
    }));
}

/** GET .../attacks/daily as a bar chart and a table. */
export function renderDaily(canvas, table, rows) {
    fill(table,
        el('caption', {}, `Weapons per day (the last ${rows.length} day(s) with attacks)`),
        el('thead', {}, el('tr', {}, ['Day', 'Attacks', 'Launched', 'Intercepted', 'Killed', 'Injured']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, [...rows].reverse().map(row => el('tr', {},
            el('td', {}, row.date), el('td', {class: 'num'}, number(row.attacks)),
            el('td', {class: 'num'}, atLeast(row.launched)),
            el('td', {class: 'num'}, atLeast(row.intercepted)),
            el('td', {class: 'num'}, atLeast(row.killed)),
            el('td', {class: 'num'}, atLeast(row.injured))))));
    if (typeof Chart === 'undefined') {
        return;
    }
    chart?.destroy();
    chart = new Chart(canvas, {
        type: 'bar',
        plugins: [notReportedLabels],
        data: {
            labels: rows.map(r => r.date),
            datasets: [
                {label: 'Launched', data: rows.map(r => r.launched.value), backgroundColor: '#1d4f91'},
                {label: 'Intercepted', data: rows.map(r => r.intercepted.value), backgroundColor: '#7aa6d8'},
            ],
        },
        options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            scales: {y: {beginAtZero: true, ticks: {callback: v => number(v)}}},
            plugins: {
                legend: {position: 'bottom'},
                tooltip: {callbacks: {label: item => `${item.dataset.label}: ${atLeast(
                    rows[item.dataIndex][item.datasetIndex === 0 ? 'launched' : 'intercepted'])}`}},
            },
        },
    });
}

/** Writes "not reported" where a bar is missing because its number was not reported. */
const notReportedLabels = {
    id: 'notReportedLabels',
    afterDatasetsDraw(chart) {
        const {ctx, chartArea} = chart;
        ctx.save();
        ctx.font = '12px system-ui, sans-serif';
        ctx.fillStyle = '#8a1c1c';
        ctx.textAlign = 'center';
        chart.data.datasets.forEach((dataset, d) => {
            const meta = chart.getDatasetMeta(d);
            dataset.data.forEach((value, i) => {
                if (value === null && meta.data[i]) {
                    ctx.fillText(`${dataset.label}: not reported`, meta.data[i].x, chartArea.bottom - 8 - 16 * d);
                }
            });
        });
        ctx.restore();
    },
};

/** GET .../attacks: the newest first. */
export function renderAttackTable(table, attacks) {
    const newest = [...(attacks ?? [])].sort((a, b) => String(b.startDate).localeCompare(String(a.startDate)))
        .slice(0, ATTACKS_LISTED);
    fill(table,
        el('caption', {}, `The ${newest.length} newest attack(s)`),
        el('thead', {}, el('tr', {}, ['Date', 'Where', 'Weapons', 'Casualties', 'Claimed by', 'Source']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, newest.map(a => el('tr', {dataset: {attack: a.attackId, anomalous: String(!!a.anomalous)}},
            el('td', {}, a.startDate, a.endDate && a.endDate !== a.startDate ? `–${a.endDate}` : ''),
            el('td', {}, places(a), a.corrected ? el('span', {class: 'badge'}, 'corrected') : ''),
            el('td', {}, weaponsLine(a.weapons), a.anomalous ? el('br') : '', anomalyMark(a)),
            el('td', {}, casualtiesLine(a.casualties)),
            el('td', {}, a.claimant ?? 'unknown'),
            el('td', {}, sourceLink(a.source))))));
}

/** GET .../attack-anomalies?status=open: the attacks whose figures contradict themselves, newest first. */
export function renderAttackAnomalies(table, count, view) {
    const anomalies = (view?.anomalies ?? []).slice(0, ANOMALIES_LISTED);
    const total = view?.total ?? anomalies.length;
    count.textContent = total === 0 ? 'No attack report contradicts itself.'
        : `${number(total)} attack report${total === 1 ? '' : 's'} with inconsistent figures`
            + (total > anomalies.length ? `, the newest ${anomalies.length} listed` : '')
            + '. Each is shown as its claimant published it; the contradiction is flagged, not corrected.';
    fill(table,
        el('thead', {}, el('tr', {}, ['Date', 'Attack', 'Claimed by', 'What does not add up', 'Flagged']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, anomalies.map(a => el('tr', {dataset: {attack: a.attackId}},
            el('td', {}, a.startDate ?? ''),
            el('td', {}, a.attackId),
            el('td', {}, a.claimant ?? 'unknown'),
            el('td', {}, a.description),
            el('td', {}, instant(a.openedAt))))));
}
