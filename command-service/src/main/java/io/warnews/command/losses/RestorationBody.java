package io.warnews.command.losses;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RestorationBody(@NotBlank @Size(max = 1000) String reason) {
}
