package io.warnews.command;

import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import io.warnews.command.support.EventStoreRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceTest
class SmokeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registersAConflict() {
        var response = new Api(port).post("/api/conflicts", Map.of("conflictId", "smoke", "name", "Smoke",
                "parties", java.util.List.of(Map.of("code", "RU", "name", "Russia"), Map.of("code", "UA", "name", "Ukraine")),
                "startDate", "2022-02-24"));
        System.out.println(response);
        System.out.println(new EventStoreRows(jdbc).all());
        assertThat(response.status()).isEqualTo(201);
    }
}
