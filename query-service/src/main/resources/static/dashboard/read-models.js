// "Read models": where each read model stands against the event store, its dead letters, its last
// rebuild (with the replay's progress while one runs); a rebuild, or a retry of the dead letters,
// on an auditor's request.
import {paths, post, read, ReadFailed} from './api.js';
import {el, fill, instant, number} from './format.js';

const STATES = {
    STARTED: 'started: waiting for the live read model to reach the head',
    REPLAYING: 'replaying beside the live read model',
    SWAPPING: 'taking the live tables\' place',
    SWAPPED: 'in place; comparing with the tables it replaced',
    VERIFIED: 'verified',
    FAILED: 'failed',
};

/** The last rebuild in words: its state, how far its replay got, and its outcome. */
export function describeRebuild(rebuild) {
    if (!rebuild) {
        return 'never rebuilt';
    }
    const state = STATES[rebuild.state] ?? String(rebuild.state).toLowerCase();
    const when = rebuild.finishedAt ? ` on ${instant(rebuild.finishedAt)}` : ` since ${instant(rebuild.startedAt)}`;
    if (rebuild.state === 'VERIFIED') {
        return rebuild.matches
            ? `${state}${when}: equal to the model it replaced (${number(rebuild.rowsAfter)} rows)`
            : `${state}${when}: differs from the model it replaced (${number(rebuild.differences?.length ?? 0)}`
            + ' differing rows shown by the API)';
    }
    if (rebuild.state === 'FAILED') {
        return `${state}${when}: ${rebuild.failure ?? 'no reason given'}`;
    }
    const replayed = typeof rebuild.replayedEvents === 'number'
        ? `; ${number(rebuild.replayedEvents)} events replayed, up to position ${number(rebuild.replayedPosition)}`
        + ` of ${number(rebuild.headPosition)}` : '';
    return `${state}${when}${replayed}`;
}

/** Whether a rebuild is under way (its state is not an outcome). */
export function underWay(rebuild) {
    return Boolean(rebuild) && rebuild.state !== 'VERIFIED' && rebuild.state !== 'FAILED';
}

/** What to tell a person when the read models' state or a rebuild is refused. */
export function refusal(failure) {
    if (failure instanceof ReadFailed && failure.status === 401) {
        return 'The user name or password was not accepted. The read models need an auditor (the AUDITOR role).';
    }
    if (failure instanceof ReadFailed && failure.status === 403) {
        return 'This user is not an auditor: the read models need the AUDITOR role.';
    }
    return `The read models could not be read: ${failure.message}`;
}

function row(model, onRebuild, onRetry) {
    const behind = typeof model.behind === 'number' && model.behind > 0
        ? `${number(model.behind)} events behind` : 'caught up';
    const status = model.error ? `stopped by an error: ${model.failure ?? 'unknown'}`
        : model.running ? behind : 'not running';
    const button = el('button', {type: 'button', id: `rebuild-${model.name}`, 'aria-label': `Rebuild ${model.name}`,
        disabled: underWay(model.lastRebuild)}, 'Rebuild');
    button.addEventListener('click', () => onRebuild(model.name));
    let retry = null;
    if (typeof model.deadLetters === 'number' && model.deadLetters > 0) {
        retry = el('button', {type: 'button', id: `retry-${model.name}`,
            'aria-label': `Retry the dead letters of ${model.name}`, disabled: underWay(model.lastRebuild)}, 'Retry');
        retry.addEventListener('click', () => onRetry(model.name));
    }
    return el('tr', {id: `read-model-${model.name}`},
        el('th', {scope: 'row'}, model.name),
        el('td', {}, `position ${number(model.position)} of ${number(model.head)}: ${status}`),
        el('td', {}, number(model.deadLetters), retry ? ' ' : null, retry),
        el('td', {class: 'rebuild'}, describeRebuild(model.lastRebuild)),
        el('td', {}, button));
}

/**
 * Shows the read models with the auditor's credentials, again every 2 s while a rebuild is under
 * way and every 10 s otherwise, until the credentials are refused or another view replaces them.
 */
export function followReadModels(table, message, auth) {
    let timer = null;
    let stopped = false;
    let acted = false;
    const show = async () => {
        clearTimeout(timer);
        let models;
        try {
            models = await read(paths.projections(), {}, {auth});
        } catch (failure) {
            message.textContent = refusal(failure);
            if (!(failure instanceof ReadFailed && (failure.status === 401 || failure.status === 403)) && !stopped) {
                timer = setTimeout(show, 10_000);
            }
            return;
        }
        if (!acted) {
            message.textContent = 'Showing the read models. A rebuild can be started from a read model\'s row.';
        }
        fill(table,
            el('caption', {}, `As read at ${new Date().toLocaleTimeString('en-GB')}`
                + (models.some(model => underWay(model.lastRebuild)) ? ', again every 2 s while a rebuild runs' : '')),
            el('thead', {}, el('tr', {},
                el('th', {scope: 'col'}, 'Read model'),
                el('th', {scope: 'col'}, 'Applied'),
                el('th', {scope: 'col'}, 'Dead letters'),
                el('th', {scope: 'col'}, 'Last rebuild'),
                el('th', {scope: 'col'}, el('span', {class: 'visually-hidden'}, 'Action')))),
            el('tbody', {}, models.map(model => row(model, rebuild, retry))));
        if (!stopped) {
            timer = setTimeout(show, models.some(model => underWay(model.lastRebuild)) ? 2_000 : 10_000);
        }
    };
    const rebuild = async name => {
        acted = true;
        message.textContent = `Starting a rebuild of ${name}…`;
        try {
            await post(paths.rebuild(name), {auth});
            message.textContent = `A rebuild of ${name} started: the live read model answers every read meanwhile.`;
        } catch (failure) {
            message.textContent = failure instanceof ReadFailed && failure.status === 409
                ? `Not started: ${failure.message}` : refusal(failure);
        }
        await show();
    };
    const retry = async name => {
        acted = true;
        message.textContent = `Retrying the dead letters of ${name}…`;
        try {
            const retried = await post(paths.retryDeadLetters(name), {auth});
            message.textContent = `Dead letters of ${name} retried: ${number(retried.succeeded)} of`
                + ` ${number(retried.attempted)} streams applied, ${number(retried.remaining)} dead letters left.`;
        } catch (failure) {
            message.textContent = failure instanceof ReadFailed && failure.status === 409
                ? `Not retried: ${failure.message}` : refusal(failure);
        }
        await show();
    };
    show();
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}
