package io.warnews.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The feed's reader starts a little below the table's last position. A batch of 1,000 events that
 * is still committing when the query-service starts holds positions far below that start (a single
 * write after it took a higher one and committed first): a subscriber resuming from before the
 * batch must be handed the batch's events once it commits, not pages read while it was still
 * invisible.
 */
class FeedHubStartTest {

    @Test
    void aSubscriberResumingFromBeforeABatchStillCommittingAtTheStartGetsTheBatch() throws Exception {
        FeedHubPageTest.Table table = new FeedHubPageTest.Table();
        // transaction 500 holds positions 1..1000 and has not committed; 1001 has
        table.commit(1001, 1001);
        table.snapshot("500:1002:500");
        FeedHub hub = FeedHubPageTest.hub(table);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            hub.start();
            Future<List<Long>> subscriber = threads.submit(() -> FeedHubPageTest.catchUp(hub, 1001));
            Thread.sleep(700);
            assertThat(subscriber).as("nothing to hand out below the start while the batch commits").isNotDone();

            table.commit(1, 1000);
            table.snapshot("1002:1002:");

            assertThat(subscriber.get(20, TimeUnit.SECONDS))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 1001).boxed().toList());
        } finally {
            hub.stop();
            threads.shutdownNow();
        }
    }

    @Test
    void withNothingRunningAtTheStartThePositionsBelowItAreServedAtOnce() throws Exception {
        FeedHubPageTest.Table table = new FeedHubPageTest.Table();
        table.commitUpTo(1001);
        FeedHub hub = FeedHubPageTest.hub(table);
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            hub.start();
            FeedHubPageTest.awaitPosition(hub, 1001);
            Future<List<Long>> subscriber = threads.submit(() -> FeedHubPageTest.catchUp(hub, 1001));
            assertThat(subscriber.get(20, TimeUnit.SECONDS))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 1001).boxed().toList());
        } finally {
            hub.stop();
            threads.shutdownNow();
        }
    }
}
