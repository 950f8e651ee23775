package io.warnews.events;

/** What a proposed term is about. */
public enum TermType {
    CEASEFIRE,
    PRISONER_RELEASE,
    TERRITORY,
    REPARATIONS,
    MILITARY_LIMITS,
    SECURITY_GUARANTEES,
    LEADERS_MEETING,
    SANCTIONS,
    OTHER
}
