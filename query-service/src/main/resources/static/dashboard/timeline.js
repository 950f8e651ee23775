// The timeline, newest first, filtered by kind, dates and text.
import {el, fill, label, sourceLink} from './format.js';

const PAGE = 100;

/** Entries matching the filters, newest first (the API answers oldest first). */
export function filterTimeline(entries, {kind, text}) {
    const needle = (text ?? '').trim().toLowerCase();
    return [...(entries ?? [])].reverse().filter(entry =>
        (!kind || entry.kind === kind)
        && (!needle || `${entry.summary} ${entry.claimant ?? ''} ${entry.source?.outlet ?? ''}`.toLowerCase().includes(needle)));
}

export function kindsOf(entries) {
    return [...new Set((entries ?? []).map(entry => entry.kind))].sort();
}

/** Fills the kind filter, keeping the chosen kind. */
export function renderKinds(select, kinds) {
    const chosen = select.value;
    fill(select, el('option', {value: ''}, 'All kinds'),
        kinds.map(kind => el('option', {value: kind, selected: kind === chosen}, label(kind))));
}

function entry(e) {
    return el('li', {class: 'entry', dataset: {kind: e.kind}},
        el('p', {class: 'meta'}, el('time', {datetime: e.date}, e.date), ` · ${label(e.kind)}`,
            e.corrected ? el('span', {class: 'badge'}, 'corrected') : ''),
        el('p', {}, e.summary),
        el('p', {class: 'meta'}, e.claimant ? `claimed by ${e.claimant} · ` : '', sourceLink(e.source)));
}

/** Shows the first `shown` entries; answers whether there are more. */
export function renderTimeline(list, count, entries, shown = PAGE) {
    fill(list, entries.slice(0, shown).map(entry));
    count.textContent = entries.length === 0 ? 'Nothing matches these filters.'
        : `${Math.min(shown, entries.length)} of ${entries.length} entries, newest first.`;
    return entries.length > shown;
}

export const TIMELINE_PAGE = PAGE;
