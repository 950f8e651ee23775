package io.warnews.events;

/** Events of a conflict's own stream. */
public sealed interface ConflictEvent extends WarEvent permits ConflictRegistered {
}
