// Live updates: follows GET /api/feed (Server-Sent Events) from now on (from=now: no replay of the
// whole record) and asks the page to refresh, reading with waitFor=<streamId>@<version> so that the
// read models already hold what the feed announced. The page reads its views once the feed is open
// (onReady), so that nothing recorded between its reads and the feed's start is missed; on a
// reconnect EventSource resumes after the last id it received (the feed's opening comment has one).

// The feed names each event by its type: EventSource delivers only the names listened to.
export const EVENT_TYPES = ['ConflictRegistered', 'LossesReported', 'LossReportCorrected', 'LossReportRetracted',
    'AttackLaunched', 'AttackCasualtiesRevised', 'AttackCorrected', 'AttackRetracted', 'TalksOpened', 'RoundHeld',
    'TermsProposed', 'TermsAccepted', 'TermsRejected', 'PrisonersExchanged', 'TalksSuspended', 'TalksResumed',
    'AgreementSigned', 'TalksCollapsed'];

const QUIET_MS = 300;

/**
 * Opens the feed from now. onChange({waitFor, type, count}) is called once a burst of new events is
 * over; onStatus(text) says whether the page is live; onReady() once, when the feed is open (or has
 * failed, or is not available): the moment to read the views.
 */
export function followFeed(url, onChange, onStatus, onReady = () => {}) {
    let ready = false;
    const readyOnce = () => {
        if (!ready) {
            ready = true;
            onReady();
        }
    };
    if (typeof EventSource === 'undefined') {
        onStatus('Live updates are not available in this browser: reload to see new figures.');
        readyOnce();
        return null;
    }
    let pending = null;
    let timer = null;
    const source = new EventSource(url + (url.includes('?') ? '&' : '?') + 'from=now');
    const receive = (message) => {
        let event;
        try {
            event = JSON.parse(message.data);
        } catch (ignored) {
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
    source.onopen = () => {
        onStatus('Live: new reports appear here as they are recorded.');
        readyOnce();
    };
    source.onerror = () => {
        onStatus(source.readyState === EventSource.CLOSED
            ? 'Live updates stopped: reload the page to see new figures.'
            : 'Reconnecting to live updates…');
        readyOnce();
    };
    return source;
}
