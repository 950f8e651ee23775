package io.warnews.query.attacks;

import io.warnews.events.WeaponType;
import java.util.List;

/** The records: most weapons launched in one attack, overall and per weapon type, and the deadliest attack. */
record AttackRecords(AttackView mostLaunched, List<WeaponRecord> mostLaunchedByWeaponType, AttackView deadliest) {

    record WeaponRecord(WeaponType weaponType, long launched, AttackView attack) {
    }
}
