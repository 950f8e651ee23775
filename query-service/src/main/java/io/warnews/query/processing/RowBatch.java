package io.warnews.query.processing;

/**
 * The row changes a {@link Projection} has collected from the events of a batch and not yet
 * written; {@link #flush} writes them (as few statements as it can) in the batch's transaction.
 */
public interface RowBatch {

    void flush();
}
