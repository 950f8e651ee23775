package io.warnews.command.web;

/** A request body over the configured limit. */
class PayloadTooLarge extends RuntimeException {

    PayloadTooLarge(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }
}
