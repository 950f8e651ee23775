// The read API, as the dashboard uses it. Paths live here only, so a changed endpoint is one edit.

/** The conflict shown: ?conflict=<id> in the page's address, else the seed story's. */
export const conflictId = new URLSearchParams(location.search).get('conflict') || 'russia-ukraine';

const c = encodeURIComponent(conflictId);

export const paths = {
    conflict: () => `api/conflicts/${c}`,
    losses: () => `api/conflicts/${c}/losses`,
    series: (side, category) => `api/conflicts/${c}/losses/${encodeURIComponent(side)}/${encodeURIComponent(category)}/series`,
    milestones: () => `api/conflicts/${c}/milestones`,
    attacks: () => `api/conflicts/${c}/attacks`,
    attacksDaily: () => `api/conflicts/${c}/attacks/daily`,
    attackRecords: () => `api/conflicts/${c}/attacks/records`,
    talksOfConflict: () => `api/conflicts/${c}/talks`,
    talks: (id) => `api/talks/${encodeURIComponent(id)}`,
    lossAnomalies: () => `api/conflicts/${c}/loss-anomalies`,
    attackAnomalies: () => `api/conflicts/${c}/attack-anomalies`,
    timeline: () => `api/conflicts/${c}/timeline`,
    feed: () => `api/feed?conflict=${c}`,
    // Known-at reads (auditors only). A view without an entry here is shown as known now.
    knownAt: {
        losses: () => `api/audit/conflicts/${c}/losses`,
        series: (side, category) => `api/audit/conflicts/${c}/losses/${encodeURIComponent(side)}/${encodeURIComponent(category)}/series`,
        attacks: () => `api/audit/conflicts/${c}/attacks`,
        attacksDaily: () => `api/audit/conflicts/${c}/attacks/daily`,
        attackRecords: () => `api/audit/conflicts/${c}/attacks/records`,
        attackAnomalies: () => `api/audit/conflicts/${c}/attack-anomalies`,
        milestones: () => `api/audit/conflicts/${c}/milestones`,
        lossAnomalies: () => `api/audit/conflicts/${c}/loss-anomalies`,
        timeline: () => `api/audit/conflicts/${c}/timeline`,
        talks: (id) => `api/audit/talks/${encodeURIComponent(id)}`,
    },
    // The read models' state and their rebuilds (auditors only).
    projections: () => 'api/audit/projections',
    rebuild: (name) => `api/audit/projections/${encodeURIComponent(name)}/rebuild`,
    retryDeadLetters: (name) => `api/audit/dead-letters/${encodeURIComponent(name)}/retry`,
};

/** A read failed: status and the problem's detail, for the page to say. */
export class ReadFailed extends Error {
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}

/**
 * GET a JSON read. params: query parameters (null/empty left out); options.waitFor: a
 * "<streamId>@<version>" to read one's own (or the feed's) write; options.auth: {user, password}.
 */
export async function read(path, params = {}, options = {}) {
    return request('GET', path, params, options);
}

/** POST without a body (an auditor's action); answers the JSON answer. options.auth as for read. */
export async function post(path, options = {}) {
    return request('POST', path, {}, options);
}

async function request(method, path, params, options) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
        if (value !== null && value !== undefined && value !== '') {
            query.set(name, value);
        }
    }
    if (options.waitFor) {
        query.set('waitFor', options.waitFor);
    }
    const headers = {Accept: 'application/json'};
    if (options.auth) {
        headers.Authorization = 'Basic ' + btoa(unescape(encodeURIComponent(`${options.auth.user}:${options.auth.password}`)));
    }
    const url = path + (query.toString() ? '?' + query : '');
    // credentials 'omit': the browser never pops up its own password dialog, the page asks instead.
    const response = await fetch(url, {method, headers, credentials: 'omit'});
    if (!response.ok) {
        let detail = response.statusText;
        try {
            const problem = await response.json();
            detail = problem.detail || problem.title || detail;
        } catch (ignored) {
            // not a problem document
        }
        throw new ReadFailed(response.status, detail);
    }
    return response.json();
}
