package io.warnews.query.database;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The two connection pools behind the one {@link PoolPerPurpose DataSource} every component uses
 * (JDBC templates, Flyway, Axon's connection provider and transaction manager, hence the token
 * store, the event store engine and the dead-letter queues). Both are built from
 * {@code spring.datasource.*}, including {@code spring.datasource.hikari.*}; the processing pool
 * then takes its own size and limits from {@code warnews.database.processing.*}.
 */
@Configuration
@EnableConfigurationProperties(ProcessingPoolProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    DataSource dataSource(DataSourceProperties properties, Environment environment,
                          ProcessingPoolProperties processing) {
        HikariDataSource requests = pool(properties, environment, "requests");
        HikariDataSource processor = pool(properties, environment, "processing");
        processor.setMaximumPoolSize(processing.poolSize());
        processor.setConnectionTimeout(processing.connectionTimeoutMs());
        processor.setValidationTimeout(Math.min(5_000, processing.connectionTimeoutMs() - 1));
        processor.addDataSourceProperty("socketTimeout", String.valueOf(processing.socketTimeoutSeconds()));
        processor.addDataSourceProperty("options", "-c statement_timeout=" + processing.statementTimeoutMs());
        return new PoolPerPurpose(requests, processor);
    }

    private static HikariDataSource pool(DataSourceProperties properties, Environment environment, String name) {
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName(name);
        pool.addDataSourceProperty("ApplicationName", "query-service " + name);
        return pool;
    }

    /** First of all filters, for every dispatch: whatever serves a request takes the requests pool. */
    @Bean
    FilterRegistrationBean<RequestsPoolFilter> requestsPoolFilter() {
        FilterRegistrationBean<RequestsPoolFilter> registration = new FilterRegistrationBean<>(new RequestsPoolFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
                DispatcherType.FORWARD, DispatcherType.INCLUDE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
