package io.warnews.command.domain;

/** How a rule refuses: the stream does not exist, its state forbids the command, or the content is invalid. */
public enum Refusal {
    /** 404: the named conflict, report, attack, talks or proposal is not recorded. */
    NOT_FOUND,
    /** 409: the command clashes with what is recorded (an id reused for other content, a closed talk). */
    CONFLICT,
    /** 422: the content breaks a rule of the domain (a date in the future, a figure going down). */
    UNPROCESSABLE
}
