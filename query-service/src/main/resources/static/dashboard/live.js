// Live updates: follows GET /api/feed (Server-Sent Events) and asks the page to refresh, reading
// with waitFor=<streamId>@<version> so that the read models already hold what the feed announced.

// The feed names each event by its type: EventSource delivers only the names listened to.
export const EVENT_TYPES = ['ConflictRegistered', 'LossesReported', 'LossReportCorrected', 'LossReportRetracted',
    'AttackLaunched', 'AttackCasualtiesRevised', 'AttackCorrected', 'AttackRetracted', 'TalksOpened', 'RoundHeld',
    'TermsProposed', 'TermsAccepted', 'TermsRejected', 'PrisonersExchanged', 'TalksSuspended', 'TalksResumed',
    'AgreementSigned', 'TalksCollapsed'];

// Events recorded this long before the page loaded are already in what it read: no refresh for them.
const ALREADY_READ_MS = 5000;
const QUIET_MS = 300;

/**
 * Opens the feed. onChange({waitFor, type, count}) is called once a burst of new events is over;
 * onStatus(text) says whether the page is live.
 */
export function followFeed(url, onChange, onStatus) {
    if (typeof EventSource === 'undefined') {
        onStatus('Live updates are not available in this browser: reload to see new figures.');
        return null;
    }
    const loadedAt = Date.now();
    let pending = null;
    let timer = null;
    const source = new EventSource(url);
    const receive = (message) => {
        let event;
        try {
            event = JSON.parse(message.data);
        } catch (ignored) {
            return;
        }
        const recordedAt = Date.parse(event.recordedAt);
        if (Number.isFinite(recordedAt) && recordedAt < loadedAt - ALREADY_READ_MS) {
            return;
        }
        pending = {waitFor: `${event.streamId}@${event.version}`, type: event.type ?? message.type,
            count: (pending?.count ?? 0) + 1};
        clearTimeout(timer);
        timer = setTimeout(() => {
            const change = pending;
            pending = null;
            onChange(change);
        }, QUIET_MS);
    };
    for (const type of EVENT_TYPES) {
        source.addEventListener(type, receive);
    }
    source.addEventListener('message', receive);
    source.onopen = () => onStatus('Live: new reports appear here as they are recorded.');
    source.onerror = () => onStatus(source.readyState === EventSource.CLOSED
        ? 'Live updates stopped: reload the page to see new figures.'
        : 'Reconnecting to live updates…');
    return source;
}
