package io.warnews.query.conflicts;

import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.ReadModel;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conflicts read model, declared once ({@link ReadModel}). */
public final class ConflictReadModel {

    /** Its name, its tables (a referenced table first) and its projection. */
    public static final ReadModel MODEL = new ReadModel(ProcessingGroups.CONFLICTS, List.of("conflict"),
            ConflictProjection::new);

    private ConflictReadModel() {
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        ReadModel conflictsReadModel() {
            return MODEL;
        }
    }
}
