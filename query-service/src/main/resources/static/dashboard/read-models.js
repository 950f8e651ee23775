// "Read models": where each read model stands against the event store, its dead letters, its last
// rebuild (with the replay's progress while one runs); a rebuild, or a retry of the dead letters,
// on an auditor's request.
import {paths, post, read, ReadFailed} from './api.js';
import {el, fill, inWords, instant, number} from './format.js';

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
    const state = inWords(STATES, rebuild.state);
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
        ? `${number(model.behind)} positions behind` : 'caught up';
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
        el('td', {}, typeof model.position === 'number' && model.position < 0
            ? `no event applied yet (the store's head: ${model.head < 0 ? 'no event' : number(model.head)}): ${status}`
            : `position ${number(model.position)} of ${number(model.head)}: ${status}`),
        el('td', {}, el('span', {id: `dead-letters-${model.name}`}, number(model.deadLetters)), retry ? ' ' : null,
            retry),
        el('td', {class: 'rebuild'}, describeRebuild(model.lastRebuild)),
        el('td', {}, button));
}

/** What to tell a person when an action's request failed: a lost answer leaves its outcome unknown. */
function actionFailed(what, failure) {
    if (failure instanceof ReadFailed && failure.status === 409) {
        return `Not ${what}: ${failure.message}`;
    }
    if (failure instanceof ReadFailed && failure.status === 503) {
        return `Not ${what}: the service is unavailable right now (${failure.message}); try again shortly.`;
    }
    if (!(failure instanceof ReadFailed)) {
        return `No answer came (${failure.message}): whether it was ${what} is not known; the table below says.`;
    }
    return refusal(failure);
}

/**
 * Shows the read models with the auditor's credentials, again every 2 s while a rebuild is under
 * way and every 10 s otherwise, until the credentials are refused or {@link followReadModels} is
 * called again (the answer stops it): one read at a time, and nothing an earlier follower asked for
 * is shown once it is stopped.
 */
export function followReadModels(table, message, auth) {
    let timer = null;
    let stopped = false;
    let acted = false;
    let shown = false;
    let reading = null;     // the read in flight
    let again = false;      // another read asked for meanwhile
    const clear = () => fill(table);
    const stop = () => {
        stopped = true;
        clearTimeout(timer);
    };
    const render = models => {
        // the button that had the focus keeps it across the refresh
        const focused = table.contains(document.activeElement) ? document.activeElement.id : null;
        const running = models.some(model => underWay(model.lastRebuild));
        fill(table,
            el('caption', {}, `As read at ${new Date().toLocaleTimeString('en-GB')}`
                + (running ? ', again every 2 s while a rebuild runs' : '')),
            el('thead', {}, el('tr', {},
                el('th', {scope: 'col'}, 'Read model'),
                el('th', {scope: 'col'}, 'Applied'),
                el('th', {scope: 'col'}, 'Dead letters'),
                el('th', {scope: 'col'}, 'Last rebuild'),
                el('th', {scope: 'col'}, el('span', {class: 'visually-hidden'}, 'Action')))),
            el('tbody', {}, models.map(model => row(model, rebuild, retry))));
        if (focused) {
            document.getElementById(focused)?.focus();
        }
        return running;
    };
    const readOnce = async () => {
        let models;
        try {
            models = await read(paths.projections(), {}, {auth});
            if (!Array.isArray(models)) {
                throw new Error('the answer is not a list of read models');
            }
        } catch (failure) {
            if (stopped) {
                return;
            }
            message.textContent = refusal(failure);
            if (failure instanceof ReadFailed && (failure.status === 401 || failure.status === 403)) {
                clear();
                stop();
            } else {
                timer = setTimeout(show, 10_000);
            }
            return;
        }
        if (stopped) {
            return;
        }
        if (!shown && !acted) {
            message.textContent = 'Showing the read models. A rebuild can be started from a read model\'s row.';
        }
        shown = true;
        timer = setTimeout(show, render(models) ? 2_000 : 10_000);
    };
    const show = () => {
        clearTimeout(timer);
        if (reading) {
            again = true;
            return reading;
        }
        reading = readOnce().finally(() => {
            reading = null;
            if (again && !stopped) {
                again = false;
                show();
            }
        });
        return reading;
    };
    const act = async (name, what, path, said) => {
        acted = true;
        table.querySelectorAll(`#read-model-${CSS.escape(name)} button`).forEach(button => {
            button.disabled = true;
        });
        message.textContent = `${what[0].toUpperCase()}${what.slice(1)} ${name}…`;
        try {
            const answer = await post(path, {auth});
            if (!stopped) {
                message.textContent = said(answer);
            }
        } catch (failure) {
            if (!stopped) {
                message.textContent = actionFailed(what === 'starting a rebuild of' ? 'started' : 'retried', failure);
            }
        }
        if (!stopped) {
            await show();
        }
    };
    const rebuild = name => act(name, 'starting a rebuild of', paths.rebuild(name),
        () => `A rebuild of ${name} started: the live read model answers every read meanwhile.`);
    const retry = name => act(name, 'retrying the dead letters of', paths.retryDeadLetters(name),
        retried => `Dead letters of ${name} retried: ${number(retried.succeeded)} of ${number(retried.attempted)}`
            + ` streams applied, ${number(retried.remaining)} dead letters left.`);
    clear();
    show();
    return stop;
}
