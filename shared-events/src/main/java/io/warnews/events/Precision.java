package io.warnews.events;

/** How precisely a world date is known: "on 12 June 2025", "in February 2025", "in 2025". */
public enum Precision {
    DAY, MONTH, YEAR
}
