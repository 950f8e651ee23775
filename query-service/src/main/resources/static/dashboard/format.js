// Formatting shared by the views. Unknown (null, undefined) is never shown as zero.

export const UNKNOWN = 'unknown';
export const NOT_REPORTED = 'not reported';

const numbers = new Intl.NumberFormat('en-GB');

/** 1000340 -> "1,000,340"; null -> the given word for unknown. */
export function number(value, unknown = UNKNOWN) {
    return typeof value === 'number' && Number.isFinite(value) ? numbers.format(value) : unknown;
}

/** +1,060 / -3 / 0; null -> unknown. */
export function signed(value) {
    if (typeof value !== 'number') {
        return UNKNOWN;
    }
    return (value > 0 ? '+' : value < 0 ? '−' : '±') + numbers.format(Math.abs(value));
}

const QUALIFIERS = {
    EXACT: '',
    ABOUT: 'about',
    AT_LEAST: 'at least',
    MORE_THAN: 'more than',
    LESS_THAN: 'less than',
    AT_MOST: 'at most',
};

/** A code in words from `table`; a code the table does not know in lower case ("NEW_CODE" -> "new code"). */
export function inWords(table, code) {
    return Object.hasOwn(table, code) ? table[code] : String(code).toLowerCase().replaceAll('_', ' ');
}

/** The claimant's qualifier in words: ABOUT -> "about"; an unknown one in lower case. */
export function qualifierWords(qualifier) {
    return qualifier ? inWords(QUALIFIERS, qualifier) : '';
}

/**
 * A figure as its claimant gave it: "about 1,000,340", "at least 45,000", "between 100 and 200".
 * Reads {value, qualifier} and, when present, bounds as {lower, upper} or {lowerBound, upperBound}.
 */
export function qualified(figure) {
    if (!figure) {
        return NOT_REPORTED;
    }
    const lower = figure.lower ?? figure.lowerBound ?? figure.bounds?.lower;
    const upper = figure.upper ?? figure.upperBound ?? figure.bounds?.upper;
    if (typeof lower === 'number' && typeof upper === 'number' && (figure.value === null || figure.value === undefined)) {
        return `between ${number(lower)} and ${number(upper)}`;
    }
    if (figure.value === null || figure.value === undefined) {
        return NOT_REPORTED;
    }
    const words = qualifierWords(figure.qualifier);
    return (words ? words + ' ' : '') + number(figure.value);
}

const WORDS = {UAVS: 'UAVs', MLRS: 'MLRS', AIR_DEFENCE: 'Air defence', ATTACK_DRONE: 'Attack drone',
    DECOY_DRONE: 'Decoy drone'};

/** PERSONNEL -> "Personnel", VEHICLES_AND_FUEL_TANKS -> "Vehicles and fuel tanks", UAVS -> "UAVs". */
export function label(code) {
    if (!code) {
        return '';
    }
    if (code in WORDS) {
        return WORDS[code];
    }
    const words = String(code).toLowerCase().replaceAll('_', ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "2025-06-12T07:00:00Z" -> "12 Jun 2025, 07:00 UTC". */
export function instant(text) {
    if (!text) {
        return UNKNOWN;
    }
    const date = new Date(text);
    if (Number.isNaN(date.getTime())) {
        return String(text);
    }
    return date.toLocaleString('en-GB', {
        day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC',
    }) + ' UTC';
}

/** A world date is a day, a month or a year: "2025-06-12", "2025-02", "2025"; the end of its period in ms. */
export function worldDateEnd(text) {
    const parts = String(text).split('-').map(Number);
    if (parts.length === 3) {
        return Date.UTC(parts[0], parts[1] - 1, parts[2]);
    }
    if (parts.length === 2) {
        return Date.UTC(parts[0], parts[1], 0);
    }
    return Date.UTC(parts[0], 11, 31);
}

/** ms since the epoch -> "2025-06-12". */
export function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}

/** Makes an element: el('a', {href: ..., class: ...}, 'text', child, ...). Text is never parsed as HTML. */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name === 'class') {
            element.className = value;
        } else if (name === 'dataset') {
            Object.assign(element.dataset, value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/** A link to where a figure was published: outlet (or headline), with the publication time. */
export function sourceLink(source) {
    if (!source) {
        return el('span', {class: 'source'}, 'source not given');
    }
    const name = source.outlet || source.headline || source.url || 'source';
    const when = source.publishedAt ? `, published ${instant(source.publishedAt)}` : '';
    if (source.url && /^https?:\/\//i.test(source.url)) {
        return el('span', {class: 'source'}, 'Source: ',
            el('a', {href: source.url, rel: 'noopener noreferrer', target: '_blank'}, name,
                el('span', {class: 'visually-hidden'}, ' (opens in a new tab)')), when);
    }
    return el('span', {class: 'source'}, 'Source: ', name, when);
}

/** Empties a container and puts the given children in it. */
export function fill(container, ...children) {
    container.replaceChildren(...children.flat(Infinity).filter(child => child !== null && child !== undefined));
    container.removeAttribute('aria-busy');
}
