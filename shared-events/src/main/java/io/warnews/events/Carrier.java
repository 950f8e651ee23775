package io.warnews.events;

/** What launched a weapon line: its kind and, when named, its model ("Tu-95MS", "Admiral Makarov"). */
public record Carrier(CarrierKind kind, String model) {
}
