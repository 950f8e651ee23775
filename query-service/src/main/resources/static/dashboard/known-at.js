// "As known at": the totals, the milestones, the open anomalies, the talks, the attacks with their
// records, daily tallies and anomalies as the public could have read them at a past instant,
// through the auditors' known-at reads.
import {paths, read, ReadFailed} from './api.js';

/** "2025-06-12T09:30:05" in the browser's time zone -> an ISO instant. */
export function toInstant(localDateTime) {
    const date = new Date(localDateTime);
    if (Number.isNaN(date.getTime())) {
        throw new Error(`“${localDateTime}” is not a date and time`);
    }
    return date.toISOString();
}

/** An instant -> the value a datetime-local input takes, in the browser's time zone. */
export function toLocalInput(date) {
    const pad = n => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
        + `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * Reads losses, milestones, open loss anomalies, attacks, daily tallies, attack records, open
 * attack anomalies and each talks as known at the instant.
 */
export async function readKnownAt(knownAt, auth, talksIds) {
    const options = {auth};
    const losses = await read(paths.knownAt.losses(), {knownAt}, options);
    const [milestones, anomalies, attacks, daily, records, attackAnomalies] = await Promise.all([
        read(paths.knownAt.milestones(), {knownAt}, options),
        read(paths.knownAt.lossAnomalies(), {knownAt, status: 'open'}, options),
        read(paths.knownAt.attacks(), {knownAt}, options),
        read(paths.knownAt.attacksDaily(), {knownAt}, options),
        read(paths.knownAt.attackRecords(), {knownAt}, options),
        read(paths.knownAt.attackAnomalies(), {knownAt, status: 'open'}, options),
    ]);
    const talks = [];
    for (const id of talksIds) {
        try {
            talks.push(await read(paths.knownAt.talks(id), {knownAt}, options));
        } catch (failure) {
            if (!(failure instanceof ReadFailed && failure.status === 404)) {
                throw failure; // 404: those talks had not been opened then
            }
        }
    }
    return {losses, milestones, anomalies, attacks, daily, records, attackAnomalies, talks};
}

/** What to tell a person when a known-at read is refused. */
export function refusal(failure) {
    if (failure instanceof ReadFailed && failure.status === 401) {
        return 'The user name or password was not accepted. The view of the past needs an auditor (the AUDITOR role).';
    }
    if (failure instanceof ReadFailed && failure.status === 403) {
        return 'This user is not an auditor: the view of the past needs the AUDITOR role.';
    }
    return `The view of the past could not be read: ${failure.message}`;
}
