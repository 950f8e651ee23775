package io.warnews.events;

import java.time.Instant;

/** Where a fact was published. The headline is optional. */
public record Source(String outlet, String url, String headline, Instant publishedAt) {
}
