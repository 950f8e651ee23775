package io.warnews.events;

/**
 * Weapons of one type used in an attack: how many were launched and how many were intercepted
 * or otherwise stopped (shot down, jammed); null when not reported, which is not zero. The model is
 * optional ("Shahed-136", "Kh-101").
 */
public record Weapon(WeaponType type, String model, int launched, Integer intercepted) {
}
