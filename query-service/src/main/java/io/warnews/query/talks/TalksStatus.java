package io.warnews.query.talks;

/** Where talks stand: CONCLUDED once an agreement is signed, COLLAPSED when they ended without one. */
enum TalksStatus {
    OPEN, SUSPENDED, CONCLUDED, COLLAPSED
}
