package io.warnews.events;

/** What the report says happened at a place: it was hit, or debris of intercepted weapons fell there. */
public enum Impact {
    HIT,
    DEBRIS
}
