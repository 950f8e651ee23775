// Headline totals: per side and category, the newest figure with its claimant, qualifier,
// "as of" date, 1/7/30-day change, source, and every claimant's latest figure next to it.
import {el, fill, label, number, qualified, signed, sourceLink} from './format.js';

const CHANGES = [['days1', '1 day'], ['days7', '7 days'], ['days30', '30 days']];

/** Renders GET /api/conflicts/{id}/losses (or its known-at twin) into the container. */
export function renderHeadlines(container, losses, partyNames) {
    const sides = losses?.sides ?? [];
    if (sides.length === 0) {
        fill(container, el('p', {class: 'empty'}, 'No losses reported yet.'));
        return;
    }
    fill(container, sides.map(side => el('section', {class: 'side', 'aria-labelledby': `side-${side.side}`},
        el('h3', {id: `side-${side.side}`}, `Losses of ${partyNames[side.side] ?? side.side} (${side.side})`),
        el('div', {class: 'cards'}, (side.categories ?? []).map(category => headlineCard(side.side, category))))));
}

function headlineCard(side, category) {
    const headline = category.headline ?? {};
    const id = `headline-${side}-${category.category}`;
    return el('article', {class: 'card headline', id, 'aria-labelledby': `${id}-title`,
            dataset: {side, category: category.category}},
        el('h4', {id: `${id}-title`}, label(category.category)),
        el('p', {class: 'value'}, qualified(headline)),
        el('p', {class: 'meta'}, 'claimed by ', el('strong', {}, headline.claimant ?? 'unknown claimant'),
            ' · as of ', el('time', {datetime: headline.asOf ?? ''}, headline.asOf ?? 'unknown date')),
        changeList(category.change),
        el('p', {class: 'meta'}, sourceLink(headline.source)),
        otherClaimants(category.claimants ?? [], headline));
}

function changeList(change) {
    return el('dl', {class: 'change', 'aria-label': 'Change'}, CHANGES.map(([field, words]) => [
        el('dt', {}, words),
        el('dd', {class: changeClass(change?.[field])}, signed(change?.[field]))]));
}

function changeClass(value) {
    return typeof value === 'number' ? 'known' : 'unknown';
}

function otherClaimants(claimants, headline) {
    const others = claimants.filter(c => c.claimant !== headline.claimant || c.reportId !== headline.reportId);
    if (others.length === 0) {
        return null;
    }
    return el('details', {class: 'claimants'},
        el('summary', {}, `Every claimant (${claimants.length})`),
        el('ul', {}, claimants.map(c => el('li', {},
            el('strong', {}, c.claimant), ': ', qualified(c), ' as of ', c.asOf ?? 'unknown date', '. ',
            sourceLink(c.source)))));
}

/** The series a person can chart: one per side and category that has a headline. */
export function seriesChoices(losses) {
    return (losses?.sides ?? []).flatMap(side => (side.categories ?? []).map(category => ({
        side: side.side, category: category.category,
        label: `${side.side} · ${label(category.category)}`,
    })));
}

/** Milestones: round numbers passed, with the claimant, date, report and the report's source. */
export function renderMilestones(list, ruleLine, view) {
    ruleLine.textContent = view?.rule ?? '';
    const milestones = [...(view?.milestones ?? [])].sort((a, b) => String(b.asOf).localeCompare(String(a.asOf))
        || (b.threshold ?? 0) - (a.threshold ?? 0));
    if (milestones.length === 0) {
        fill(list, el('li', {class: 'empty'}, 'No milestone passed yet.'));
        return;
    }
    fill(list, milestones.map(m => el('li', {class: 'card milestone'},
        el('p', {class: 'value'}, number(m.threshold)),
        el('p', {}, `${label(m.category)} of ${m.side} passed ${number(m.threshold)}: `,
            el('strong', {}, qualified(m)), ' as of ', el('time', {datetime: m.asOf}, m.asOf)),
        el('p', {class: 'meta'}, `claimed by ${m.claimant} (report ${m.reportId})`),
        el('p', {class: 'meta'}, sourceLink(m.source)))));
}
