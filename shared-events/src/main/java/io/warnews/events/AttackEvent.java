package io.warnews.events;

/** Events of one attack's stream. */
public sealed interface AttackEvent extends WarEvent
        permits AttackLaunched, AttackCasualtiesRevised, AttackCorrected, AttackRetracted {

    String attackId();
}
