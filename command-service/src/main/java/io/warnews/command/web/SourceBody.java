package io.warnews.command.web;

import io.warnews.events.Source;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Where a fact was published: outlet and URL are required, the headline is optional. */
public record SourceBody(
        @NotBlank @Size(max = 200) String outlet,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(max = 500) String headline,
        @NotNull Instant publishedAt) {

    public Source toSource() {
        return new Source(outlet, url, headline, publishedAt);
    }
}
