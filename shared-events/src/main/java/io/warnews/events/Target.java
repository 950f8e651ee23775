package io.warnews.events;

/** A place hit or aimed at, with its region ("Kharkiv", "Kharkiv Oblast"). */
public record Target(String place, String region) {
}
