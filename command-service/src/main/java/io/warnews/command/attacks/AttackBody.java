package io.warnews.command.attacks;

import io.warnews.events.AttackDetails;
import io.warnews.events.Casualties;
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
        @Valid CasualtiesBody casualties) {

    record TargetBody(@NotBlank @Size(max = 200) String place, @Size(max = 200) String region) {
    }

    /** Intercepted left out is "not reported". */
    record WeaponBody(@NotNull WeaponType type, @Size(max = 100) String model,
                      @NotNull @PositiveOrZero Integer launched, @PositiveOrZero Integer intercepted) {
    }

    /** Counts left out are "not reported", which is not zero. */
    record CasualtiesBody(@PositiveOrZero Integer killed, @PositiveOrZero Integer injured) {

        Casualties toCasualties() {
            return new Casualties(killed, injured);
        }
    }

    AttackDetails toDetails() {
        return new AttackDetails(attacker, description,
                targets.stream().map(t -> new Target(t.place(), t.region())).toList(),
                startDate, endDate, startedAt, endedAt,
                weapons == null ? List.of() : weapons.stream().map(w -> new Weapon(w.type(), w.model(),
                        w.launched(), w.intercepted())).toList(),
                casualties == null ? Casualties.UNREPORTED : casualties.toCasualties());
    }
}
