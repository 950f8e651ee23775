package io.warnews.query.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Processor tokens live next to the read models ({@code read_model.token_entry}) and go through
 * the same DataSource and transaction manager, so a projection's rows and its token commit
 * together, on a connection of the processing pool (its generous limits, not the requests' fail-fast
 * ones: see {@code io.warnews.query.database.PoolPerPurpose}). Tokens are stored as JSON text,
 * readable with plain SQL.
 */
@Configuration
class TokenStoreConfiguration {

    static final TokenSchema SCHEMA = TokenSchema.builder()
            .setTokenTable("read_model.token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("time_stamp")
            .setOwnerColumn("owner")
            .build();

    @Bean
    TokenSchema tokenSchema() {
        return SCHEMA;
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(SCHEMA)
                .contentType(String.class)
                .build();
    }
}
