package io.warnews.command.attacks;

import io.warnews.events.AttackDetails;
import io.warnews.events.Carrier;
import io.warnews.events.CarrierKind;
import io.warnews.events.Casualties;
import io.warnews.events.Impact;
import io.warnews.events.Target;
import io.warnews.events.Weapon;
import io.warnews.events.WeaponType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What is known of an attack, as an editor submits it (first report or correction). */
record AttackBody(
        @NotBlank @Size(max = 20) String attacker,
        @Size(max = 2000) String description,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull TargetBody> targets,
        @NotNull LocalDate startDate,
        LocalDate endDate,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        @Size(max = 50) List<@Valid @NotNull WeaponBody> weapons,
        @Valid CasualtiesBody casualties,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> launchAreas) {

    /** A place, its region, and whether it was hit or debris fell there (left out: the report does not say). */
    record TargetBody(@NotBlank @Size(max = 200) String place, @Size(max = 200) String region, Impact impact) {
    }

    /**
     * One weapon line. Every count left out is "not reported", which is not zero: a line with a type
     * and no {@code launched} is "and missiles". Counts are whole numbers from 0 to 2,147,483,647.
     */
    record WeaponBody(@NotNull WeaponType type, @Size(max = 100) String model,
                      @PositiveOrZero Integer launched, @PositiveOrZero Integer intercepted,
                      @PositiveOrZero Integer shotDown, @PositiveOrZero Integer suppressed,
                      @PositiveOrZero Integer lost, @PositiveOrZero Integer decoys,
                      @Size(max = 200) String launchArea, @Valid CarrierBody carrier) {

        Weapon toWeapon() {
            return new Weapon(type, model, launched, intercepted, shotDown, suppressed, lost, decoys, launchArea,
                    carrier == null ? null : new Carrier(carrier.kind(), carrier.model()));
        }
    }

    /** The aircraft or ship that launched a weapon line: its kind, and its model when named. */
    record CarrierBody(@NotNull CarrierKind kind, @Size(max = 100) String model) {
    }

    /** Counts left out are "not reported", which is not zero. */
    record CasualtiesBody(@PositiveOrZero Integer killed, @PositiveOrZero Integer injured) {

        Casualties toCasualties() {
            return new Casualties(killed, injured);
        }
    }

    AttackDetails toDetails() {
        return new AttackDetails(attacker, description,
                targets.stream().map(t -> new Target(t.place(), t.region(), t.impact())).toList(),
                startDate, endDate, startedAt, endedAt,
                weapons == null ? List.of() : weapons.stream().map(WeaponBody::toWeapon).toList(),
                casualties == null ? Casualties.UNREPORTED : casualties.toCasualties(),
                launchAreas);
    }
}
