package io.warnews.query.consistency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The processing groups whose read models an endpoint answers from. A request with
 * {@code waitFor=<streamId>@<version>} waits until all of them have applied that version.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsFrom {

    String[] value();
}
