// Peace talks: status, rounds, each proposal's terms with their status and every party's response;
// the opening and every move with its source.
import {el, fill, label, sourceLink} from './format.js';

const STATUS_WORDS = {OPEN: 'Open', ACCEPTED: 'Accepted', REJECTED: 'Rejected'};

function termStatus(term) {
    return STATUS_WORDS[term.status] ?? label(term.status ?? 'unknown');
}

function response(r) {
    return el('li', {class: 'response'}, `${r.party}: ${label(r.response)}`, r.date ? ` on ${r.date}` : '',
        r.reason ? ` (“${r.reason}”)` : '', '. ', sourceLink(r.source));
}

function term(t) {
    const parameters = Object.entries(t.parameters ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ');
    return el('li', {class: 'term', dataset: {status: t.status ?? 'UNKNOWN'}},
        el('span', {class: `badge status-${String(t.status ?? 'unknown').toLowerCase()}`}, termStatus(t)), ' ',
        el('span', {class: 'term-text'}, t.text ?? label(t.type)),
        el('span', {class: 'meta'}, ` · ${label(t.type)}`, parameters ? ` · ${parameters}` : ''),
        (t.responses ?? []).length
            ? el('ul', {class: 'responses'}, t.responses.map(response))
            : el('p', {class: 'meta'}, 'No response yet.'));
}

function proposal(p) {
    return el('section', {class: 'proposal', dataset: {proposal: p.proposalId ?? ''}},
        el('h4', {}, `Proposed by ${p.proposer}`, p.date ? ` on ${p.date}` : '', ` (${(p.terms ?? []).length} terms)`),
        el('p', {class: 'meta proposal-source'}, sourceLink(p.source)),
        el('ol', {class: 'terms'}, (p.terms ?? []).map(term)));
}

function exchange(x) {
    const counts = (map) => Object.entries(map ?? {}).map(([party, n]) => `${n} to ${party}`).join(', ');
    const released = counts(x.prisonersReleased);
    const bodies = counts(x.bodiesReturned);
    return el('li', {}, `${x.date}: ${x.description ?? 'Exchange'}`,
        released ? `; prisoners released: ${released}` : '', bodies ? `; bodies returned: ${bodies}` : '',
        '. ', sourceLink(x.source));
}

/** One GET /api/talks/{id} answer (or its known-at twin) as an article. */
export function talksArticle(talks) {
    const id = `talks-${talks.talksId}`;
    return el('article', {class: 'talks card', id, 'aria-labelledby': `${id}-title`, dataset: {talks: talks.talksId}},
        el('h3', {id: `${id}-title`}, talks.title ?? talks.talksId),
        el('p', {class: 'meta'},
            el('span', {class: `badge talks-${String(talks.status).toLowerCase()}`}, label(talks.status ?? 'unknown')),
            ` · ${(talks.parties ?? []).join(', ')}`,
            (talks.mediators ?? []).length ? `, mediated by ${talks.mediators.join(', ')}` : '',
            talks.venue ? ` · ${talks.venue}` : '', talks.openedOn ? ` · opened ${talks.openedOn}` : '',
            talks.lastActivity ? ` · last activity ${talks.lastActivity}` : ''),
        el('p', {class: 'meta talks-source'}, sourceLink(talks.source)),
        el('p', {class: 'open-terms'}, el('strong', {}, `${talks.openTerms ?? 'unknown'} open terms`),
            `, ${talks.settledTerms ?? 'unknown'} settled`),
        (talks.rounds ?? []).length ? el('section', {},
            el('h4', {}, 'Rounds'),
            el('ol', {}, talks.rounds.map(r => el('li', {class: 'round'}, `Round ${r.round}, ${r.date}`,
                r.venue ? `, ${r.venue}` : '', r.summary ? `: ${r.summary}` : '', '. ', sourceLink(r.source))))) : null,
        (talks.proposals ?? []).map(proposal),
        (talks.prisonerExchanges ?? []).length ? el('section', {},
            el('h4', {}, 'Prisoner exchanges'),
            el('ul', {}, talks.prisonerExchanges.map(exchange))) : null);
}

export function renderTalks(container, talksList) {
    if (!talksList.length) {
        fill(container, el('p', {class: 'empty'}, 'No talks recorded yet.'));
        return;
    }
    fill(container, talksList.map(talksArticle));
}
