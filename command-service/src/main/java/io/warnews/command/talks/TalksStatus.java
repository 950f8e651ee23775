package io.warnews.command.talks;

/** Where talks stand. CONCLUDED (an agreement signed) and COLLAPSED are final. */
enum TalksStatus {
    OPEN, SUSPENDED, CONCLUDED, COLLAPSED;

    boolean closed() {
        return this == CONCLUDED || this == COLLAPSED;
    }
}
