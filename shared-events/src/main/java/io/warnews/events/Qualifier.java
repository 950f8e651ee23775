package io.warnews.events;

/** How a figure is qualified by its claimant: exactly, "about", or "at least" / "over". */
public enum Qualifier {
    EXACT, ABOUT, AT_LEAST
}
