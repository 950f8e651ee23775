package io.warnews.events;

/** Kinds of launch platforms named in attack reports. */
public enum CarrierKind {
    /** Strategic or tactical aircraft (Tu-95MS, Tu-22M3, Su-34, MiG-31K). */
    AIRCRAFT,
    /** Surface ships. */
    SHIP,
    SUBMARINE,
    /** Ground launchers (Iskander, S-300, drone launch sites). */
    GROUND_LAUNCHER,
    OTHER
}
