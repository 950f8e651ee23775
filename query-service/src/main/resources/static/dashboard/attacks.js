// Attacks: the records, a per-day chart of launched and intercepted weapons, and the latest
// attacks. A number not reported is shown as "not reported", never as zero.
import {el, fill, label, number, NOT_REPORTED, sourceLink} from './format.js';

const DAYS_CHARTED = 60;
const ATTACKS_LISTED = 50;
let chart;

/** A count as the read API gives it: a number, null (not reported) or a roll-up {sum, unreported}. */
export function rollUp(value) {
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value === 'object') {
        return (value.unreported ?? 0) > 0 ? null : (value.sum ?? value.total ?? null);
    }
    return value;
}

/** Weapons launched in an attack; null when no weapon was reported (an attack with none is not zero). */
export function launchedOf(attack) {
    const weapons = attack?.weapons ?? [];
    if (weapons.length === 0 || weapons.some(w => w.launched === null || w.launched === undefined)) {
        return null;
    }
    return rollUp(attack?.launched);
}

/** Weapons intercepted in an attack; null when any weapon's count was not reported. */
export function interceptedOf(attack) {
    const weapons = attack?.weapons ?? [];
    if (weapons.length === 0 || weapons.some(w => w.intercepted === null || w.intercepted === undefined)) {
        return null;
    }
    return rollUp(attack?.intercepted);
}

function weaponsLine(weapons) {
    if (!weapons || weapons.length === 0) {
        return 'Weapons not reported';
    }
    return weapons.map(w => `${label(w.type)}${w.model ? ` (${w.model})` : ''}: `
        + `launched ${number(rollUp(w.launched), NOT_REPORTED)}, intercepted ${number(rollUp(w.intercepted), NOT_REPORTED)}`)
        .join('; ');
}

function casualtiesLine(casualties) {
    return `killed ${number(casualties?.killed, NOT_REPORTED)}, injured ${number(casualties?.injured, NOT_REPORTED)}`;
}

function places(attack) {
    return (attack.targets ?? []).map(t => t.place && t.region && t.place !== t.region ? `${t.place} (${t.region})`
        : t.place ?? t.region).join(', ') || 'place not reported';
}

function recordCard(title, attack, figure) {
    if (!attack) {
        return el('article', {class: 'card record'}, el('h4', {}, title), el('p', {}, 'No attack recorded yet.'));
    }
    return el('article', {class: 'card record', dataset: {attack: attack.attackId}},
        el('h4', {}, title),
        el('p', {class: 'value'}, figure),
        el('p', {}, attack.description ?? places(attack)),
        el('p', {class: 'meta'}, `${attack.startDate}${attack.endDate && attack.endDate !== attack.startDate ? ` to ${attack.endDate}` : ''}`
            + ` · ${places(attack)} · ${attack.attacker ?? 'attacker not reported'}`),
        el('p', {class: 'meta'}, `${weaponsLine(attack.weapons)}; ${casualtiesLine(attack.casualties)}`),
        el('p', {class: 'meta'}, `claimed by ${attack.claimant ?? 'unknown'}`, attack.corrected ? ' · corrected' : ''),
        el('p', {class: 'meta'}, sourceLink(attack.source)));
}

/** GET .../attacks/records. */
export function renderRecords(container, records) {
    const overall = records?.mostLaunched;
    const sameAsOverall = r => overall && r.attack?.attackId === overall.attackId && (overall.weapons ?? []).length <= 1;
    const byType = (records?.mostLaunchedByWeaponType ?? []).filter(r => !sameAsOverall(r)).map(r =>
        recordCard(`Most ${label(r.weaponType).toLowerCase()}s in one attack`, r.attack, `${number(rollUp(r.launched), NOT_REPORTED)} launched`));
    const deadliest = records?.deadliest;
    fill(container,
        recordCard('Most weapons in one attack', records?.mostLaunched,
            `${number(launchedOf(records?.mostLaunched), NOT_REPORTED)} launched`),
        ...byType,
        recordCard('Deadliest attack', deadliest, deadliest ? `${number(deadliest.casualties?.killed, NOT_REPORTED)} killed` : ''));
}

/** Per day an attack started: how many attacks left launched and intercepted unreported. */
export function unreportedPerDay(attacks) {
    const days = new Map();
    for (const attack of attacks ?? []) {
        const day = days.get(attack.startDate) ?? {attacks: 0, launchedUnreported: 0, interceptedUnreported: 0};
        day.attacks += 1;
        day.launchedUnreported += launchedOf(attack) === null ? 1 : 0;
        day.interceptedUnreported += interceptedOf(attack) === null ? 1 : 0;
        days.set(attack.startDate, day);
    }
    return days;
}

/**
 * Per day: launched and intercepted. null when no attack that day reported the number;
 * partial (shown "at least") when some did and some did not.
 */
export function dailyRows(daily, unreported) {
    return (daily ?? []).slice(-DAYS_CHARTED).map(day => {
        const gaps = unreported.get(day.date) ?? {attacks: day.attacks, launchedUnreported: 0, interceptedUnreported: 0};
        const count = (value, missing) => missing >= gaps.attacks ? null : rollUp(value);
        return {
            date: day.date,
            attacks: day.attacks,
            launched: count(day.launched, gaps.launchedUnreported),
            launchedPartial: gaps.launchedUnreported > 0 && gaps.launchedUnreported < gaps.attacks,
            intercepted: count(day.intercepted, gaps.interceptedUnreported),
            interceptedPartial: gaps.interceptedUnreported > 0 && gaps.interceptedUnreported < gaps.attacks,
            killed: rollUp(day.killed),
            injured: rollUp(day.injured),
        };
    });
}

function partial(value, isPartial) {
    return isPartial && value !== null ? `at least ${number(value)}` : number(value, NOT_REPORTED);
}

/** GET .../attacks/daily as a bar chart and a table. */
export function renderDaily(canvas, table, rows) {
    fill(table,
        el('caption', {}, `Weapons per day (the last ${rows.length} day(s) with attacks)`),
        el('thead', {}, el('tr', {}, ['Day', 'Attacks', 'Launched', 'Intercepted', 'Killed', 'Injured']
            .map(h => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, [...rows].reverse().map(row => el('tr', {},
            el('td', {}, row.date), el('td', {class: 'num'}, number(row.attacks)),
            el('td', {class: 'num'}, partial(row.launched, row.launchedPartial)),
            el('td', {class: 'num'}, partial(row.intercepted, row.interceptedPartial)),
            el('td', {class: 'num'}, number(row.killed, NOT_REPORTED)),
            el('td', {class: 'num'}, number(row.injured, NOT_REPORTED))))));
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
                {label: 'Launched', data: rows.map(r => r.launched), backgroundColor: '#1d4f91'},
                {label: 'Intercepted', data: rows.map(r => r.intercepted), backgroundColor: '#7aa6d8'},
            ],
        },
        options: {
            responsive: true, maintainAspectRatio: false, animation: false,
            scales: {y: {beginAtZero: true, ticks: {callback: v => number(v)}}},
            plugins: {
                legend: {position: 'bottom'},
                tooltip: {callbacks: {label: item => `${item.dataset.label}: ${partial(item.raw,
                    rows[item.dataIndex][item.datasetIndex === 0 ? 'launchedPartial' : 'interceptedPartial'])}`}},
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
        el('tbody', {}, newest.map(a => el('tr', {dataset: {attack: a.attackId}},
            el('td', {}, a.startDate, a.endDate && a.endDate !== a.startDate ? `–${a.endDate}` : ''),
            el('td', {}, places(a), a.corrected ? el('span', {class: 'badge'}, 'corrected') : ''),
            el('td', {}, weaponsLine(a.weapons)),
            el('td', {}, casualtiesLine(a.casualties)),
            el('td', {}, a.claimant ?? 'unknown'),
            el('td', {}, sourceLink(a.source))))));
}
