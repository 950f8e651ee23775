package io.warnews.events;

/** Kinds of weapons counted in attack reports. */
public enum WeaponType {
    /** Long-range attack drones (Shahed/Geran type). */
    ATTACK_DRONE,
    /** Drones without a warhead, sent to exhaust air defence (Gerbera type). */
    DECOY_DRONE,
    CRUISE_MISSILE,
    BALLISTIC_MISSILE,
    /** Air-launched hypersonic missiles (Kinzhal type). */
    HYPERSONIC_MISSILE,
    GUIDED_AERIAL_BOMB,
    ARTILLERY,
    MLRS,
    OTHER
}
