package io.warnews.query.attacks;

import io.warnews.query.processing.ProcessingGroups;
import io.warnews.query.processing.ReadModel;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The attacks read model, declared once ({@link ReadModel}): whoever adds a table to the projection adds it here. */
public final class AttackReadModel {

    /** Its name, its tables (a referenced table first) and its projection. */
    public static final ReadModel MODEL = new ReadModel(ProcessingGroups.ATTACKS, List.of("attack"),
            AttackProjection::new);

    private AttackReadModel() {
    }

    @Configuration(proxyBeanMethods = false)
    static class Declaration {
        @Bean
        ReadModel attacksReadModel() {
            return MODEL;
        }
    }
}
