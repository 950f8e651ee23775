package io.warnews.events;

/**
 * The controlled vocabulary of loss categories. Real reporting adds and merges categories over
 * time; each constant says what it counts.
 */
public enum LossCategory {
    /** Killed and wounded together, as the Ukrainian Ministry of Defence counts "personnel". */
    PERSONNEL,
    /** Killed only. */
    KILLED,
    /** Wounded only. */
    WOUNDED,
    /** Taken prisoner. */
    CAPTURED,
    TANKS,
    /** Armoured combat vehicles other than tanks (APCs, IFVs). */
    ARMOURED_VEHICLES,
    /** Artillery systems (guns and howitzers). */
    ARTILLERY,
    /** Multiple-launch rocket systems. */
    MLRS,
    /** Anti-aircraft warfare systems. */
    AIR_DEFENCE,
    /** Fixed-wing aircraft. */
    AIRCRAFT,
    HELICOPTERS,
    /** Unmanned aerial vehicles of the operational-tactical level. */
    UAVS,
    CRUISE_MISSILES,
    /** Warships and boats. */
    SHIPS,
    SUBMARINES,
    /** Motor vehicles and fuel tanks, one category since May 2022 ("military auto" and "fuel tank" before). */
    VEHICLES_AND_FUEL_TANKS,
    /** Special equipment (engineering, electronic warfare, ...). */
    SPECIAL_EQUIPMENT,
    GROUND_ROBOTIC_SYSTEMS
}
