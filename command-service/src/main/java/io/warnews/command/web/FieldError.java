package io.warnews.command.web;

/** One problem with one field of a request, named by its JSON path ({@code figures[2].value}). */
public record FieldError(String field, String message) {
}
