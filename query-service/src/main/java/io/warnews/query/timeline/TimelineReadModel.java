package io.warnews.query.timeline;

import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.ReadModel;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The timeline read model, declared once ({@link ReadModel}). */
public final class TimelineReadModel {

    /** Its name, its tables (a referenced table first) and its projection. */
    public static final ReadModel MODEL = new ReadModel(ProcessingGroups.TIMELINE, List.of("timeline_entry"),
            TimelineProjection::new);

    private TimelineReadModel() {
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        ReadModel timelineReadModel() {
            return MODEL;
        }
    }
}
