package io.warnews.events;

/**
 * What a loss figure counts: everything since the start of the conflict, or only the losses
 * during the period of the report's world date (a day, a month, a year).
 */
public enum Basis {
    CUMULATIVE, INCREMENT
}
