// The dashboard: reads the read API, renders each view, follows the feed, and switches to the
// auditors' "as known at" view on request.
import {conflictId, paths, read, ReadFailed} from './api.js';
import {el, fill, instant, label, number} from './format.js';
import {renderHeadlines, renderMilestones, seriesChoices} from './headlines.js';
import {renderAnomalies, renderSeries, reportSources} from './series.js';
import {dailyRows, renderAttackAnomalies, renderAttackTable, renderDaily, renderRecords} from './attacks.js';
import {renderTalks} from './talks.js';
import {filterTimeline, kindsOf, renderKinds, renderTimeline, TIMELINE_PAGE} from './timeline.js';
import {followFeed} from './live.js';
import {readKnownAt, refusal, toInstant, toLocalInput} from './known-at.js';
import {followReadModels} from './read-models.js';

const $ = id => document.getElementById(id);

const state = {
    partyNames: {},
    talksIds: [],
    timeline: [],
    timelineShown: TIMELINE_PAGE,
    series: null,          // {side, category} chosen
    knownAt: null,         // {instant, auth} while the past is shown
    loading: null,         // the load under way
    next: null,            // the load queued after it
    again: null,           // the waitFor the queued load reads with
};

function describeConflict(conflict) {
    const parties = (conflict.parties ?? []).map(p => `${p.name} (${p.code})`).join(' and ');
    $('title').textContent = conflict.name ?? conflictId;
    document.title = `${conflict.name ?? conflictId}: newsroom dashboard`;
    $('conflict-line').textContent = `${parties} · since ${conflict.startDate}`
        + (conflict.dayOfWar ? ` · day ${number(conflict.dayOfWar)} on ${conflict.asOf}` : '');
    state.partyNames = Object.fromEntries((conflict.parties ?? []).map(p => [p.code, p.name]));
}

/** A read as known now, or, while the past is shown, its known-at counterpart (no waitFor: the past does not change). */
function readNowOrThen(now, then, params, waitFor) {
    if (state.knownAt) {
        return read(then, {...params, knownAt: state.knownAt.instant}, {auth: state.knownAt.auth});
    }
    return read(now, params, {waitFor});
}

async function loadSeries(losses, anomalies, waitFor) {
    const choices = seriesChoices(losses);
    const select = $('series-pick');
    if (!choices.length) {
        fill(select, el('option', {value: ''}, 'No series yet'));
        return;
    }
    const key = c => `${c.side}/${c.category}`;
    const chosen = choices.find(c => state.series && key(c) === key(state.series))
        ?? choices.find(c => c.category === 'PERSONNEL') ?? choices[0];
    state.series = chosen;
    fill(select, choices.map(c => el('option', {value: key(c), selected: key(c) === key(chosen)}, c.label)));
    const series = await readNowOrThen(paths.series(chosen.side, chosen.category),
        paths.knownAt.series(chosen.side, chosen.category), {}, waitFor);
    renderSeries($('series-chart'), $('series-table'), series, reportSources(state.timeline), anomalies,
        $('series-tooltip'), $('series-points'));
}

function showTimeline() {
    const entries = filterTimeline(state.timeline, {kind: $('timeline-kind').value, text: $('timeline-text').value});
    $('timeline-more').hidden = !renderTimeline($('timeline-list'), $('timeline-count'), entries, state.timelineShown);
}

async function loadTimeline(waitFor) {
    state.timeline = await readNowOrThen(paths.timeline(), paths.knownAt.timeline(),
        {from: $('timeline-from').value, to: $('timeline-to').value}, waitFor);
    renderKinds($('timeline-kind'), kindsOf(state.timeline));
    showTimeline();
}

/** Reads everything and renders it; waitFor (from the feed) makes the reads include that event. */
async function loadAll(waitFor) {
    describeConflict(await read(paths.conflict(), {}, {waitFor}));
    const [losses, nowMilestones, nowAttacks, nowDaily, nowRecords, nowAnomalies, nowAttackAnomalies,
        talksOfConflict] = await Promise.all([
        read(paths.losses(), {}, {waitFor}),
        read(paths.milestones(), {}, {waitFor}),
        read(paths.attacks(), {}, {waitFor}),
        read(paths.attacksDaily(), {}, {waitFor}),
        read(paths.attackRecords(), {}, {waitFor}),
        read(paths.lossAnomalies(), {status: 'open'}, {waitFor}),
        read(paths.attackAnomalies(), {status: 'open'}, {waitFor}),
        read(paths.talksOfConflict(), {}, {waitFor}),
        loadTimeline(waitFor),
    ]);
    const talksIds = talksOfConflict.map(t => t.talksId);
    state.talksIds = talksIds;
    let shown = {losses, milestones: nowMilestones, attacks: nowAttacks, daily: nowDaily, records: nowRecords,
        anomalies: nowAnomalies, attackAnomalies: nowAttackAnomalies};
    if (state.knownAt) {
        // The past does not change: read once per instant, not again after each live event.
        state.knownAt.past ??= await readKnownAt(state.knownAt.instant, state.knownAt.auth, talksIds);
        shown = state.knownAt.past;
    } else {
        shown.talks = await Promise.all(talksIds.map(id => read(paths.talks(id), {}, {waitFor})));
    }
    renderHeadlines($('headlines'), shown.losses, state.partyNames);
    renderTalks($('talks-list'), shown.talks);
    showMode();
    renderMilestones($('milestone-list'), $('milestones-rule'), shown.milestones);
    renderRecords($('attack-records'), shown.records);
    renderDaily($('daily-chart'), $('daily-table'), dailyRows(shown.daily));
    renderAttackTable($('attack-table'), shown.attacks);
    renderAttackAnomalies($('attack-anomaly-table'), $('attack-anomalies-count'), shown.attackAnomalies);
    renderAnomalies($('anomaly-table'), $('anomalies-count'), shown.anomalies);
    await loadSeries(shown.losses, shown.anomalies, waitFor);
}

/**
 * One load at a time: a load asked for meanwhile runs once after the current one, and the
 * promise answered is that of the load that will include what was asked.
 */
function refresh(waitFor) {
    if (state.loading) {
        state.again = waitFor || state.again || '';
        state.next ??= state.loading.catch(() => {}).then(() => {
            const next = state.again;
            state.again = null;
            state.next = null;
            return refresh(next);
        });
        return state.next;
    }
    state.loading = loadAll(waitFor || undefined).then(() => {
        $('load-error').hidden = true;
    }).catch(failure => {
        showLoadError(failure);
        throw failure;
    }).finally(() => {
        state.loading = null;
    });
    return state.loading;
}

function showLoadError(failure) {
    const box = $('load-error');
    if (failure instanceof ReadFailed && failure.status === 401) {
        box.textContent = 'This server does not let the public read (PUBLIC_READS=false): the figures need a user.';
    } else if (failure instanceof ReadFailed && failure.status === 404) {
        box.textContent = `No conflict “${conflictId}” is recorded here yet. Choose another with ?conflict=<id> in the address.`;
    } else if (state.knownAt) {
        box.textContent = refusal(failure);
    } else {
        box.textContent = `The figures could not be read: ${failure.message}`;
    }
    box.hidden = false;
}

function showMode() {
    const banner = $('mode-banner');
    if (state.knownAt) {
        banner.hidden = false;
        banner.replaceChildren(`Showing the figures as known at ${instant(state.knownAt.instant)}`
            + ' (an auditor\'s view of the past): the running totals, the series, the open anomalies, the milestones,'
            + ' the attacks with their records, daily tallies and inconsistencies, the peace talks and the timeline. ',
            el('a', {href: '#known-at'}, 'Change or go back to now'));
    } else {
        banner.hidden = true;
    }
}

function wireForms() {
    $('series-pick').addEventListener('change', event => {
        const [side, category] = event.target.value.split('/');
        state.series = {side, category};
        refresh().catch(() => {});
    });
    $('series-form').addEventListener('submit', event => event.preventDefault());
    $('timeline-form').addEventListener('submit', event => {
        event.preventDefault();
        state.timelineShown = TIMELINE_PAGE;
        loadTimeline().catch(showLoadError);
    });
    $('timeline-kind').addEventListener('change', () => showTimeline());
    $('timeline-more').addEventListener('click', () => {
        state.timelineShown += TIMELINE_PAGE;
        showTimeline();
    });
    const instantInput = $('known-at-instant');
    instantInput.value = toLocalInput(new Date());
    $('known-at-form').addEventListener('submit', async event => {
        event.preventDefault();
        const message = $('known-at-message');
        let knownAt;
        try {
            knownAt = toInstant(instantInput.value);
        } catch (bad) {
            message.textContent = bad.message;
            return;
        }
        const auth = {user: $('known-at-user').value, password: $('known-at-password').value};
        message.textContent = 'Reading the past…';
        let past;
        try {
            // Read before switching, so that a refused password leaves the current view as it is.
            past = await readKnownAt(knownAt, auth, state.talksIds);
        } catch (failure) {
            message.textContent = refusal(failure);
            return;
        }
        state.knownAt = {instant: knownAt, auth, past};
        await refresh().catch(() => {});
        message.textContent = `Showing the totals, the series, the anomalies, the milestones, the attacks, the talks and the timeline as known at ${instant(knownAt)}.`;
        $('losses').scrollIntoView();
        $('losses-title').focus({preventScroll: true});
    });
    let stopFollowing = null;
    $('read-models-form').addEventListener('submit', event => {
        event.preventDefault();
        stopFollowing?.();
        $('read-models-message').textContent = 'Reading the read models…';
        const auth = {user: $('read-models-user').value, password: $('read-models-password').value};
        stopFollowing = followReadModels($('read-models-table'), $('read-models-message'), auth);
    });
    $('known-at-now').addEventListener('click', async () => {
        state.knownAt = null;
        await refresh().catch(() => {});
        $('known-at-message').textContent = 'Showing what is known now.';
    });
}

function startLive(onReady) {
    followFeed(paths.feed(), change => {
        refresh(change.waitFor).then(() => {
            $('live-status').textContent = `Live · updated at ${new Date().toLocaleTimeString('en-GB')}`
                + ` after ${change.count} new event(s), the last ${String(change.type).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}.`;
        }).catch(() => {});
    }, text => {
        $('live-status').textContent = text;
    }, onReady);
}

$('losses-title').setAttribute('tabindex', '-1');
wireForms();
// The feed first, from now; the views are read once it is open, so that nothing recorded meanwhile is missed.
startLive(() => refresh().catch(() => {}));
