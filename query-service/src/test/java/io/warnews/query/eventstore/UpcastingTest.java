package io.warnews.query.eventstore;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.events.ConflictRegistered;
import io.warnews.events.LossesReported;
import io.warnews.events.Party;
import io.warnews.query.EventStoreWriter;
import io.warnews.query.QueryServiceTest;
import io.warnews.query.feed.StoredRows;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** A loss report stored in revision 1 of its event (figures keyed by category) reads as the current event. */
@QueryServiceTest
class UpcastingTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;

    @Test
    void aLossReportStoredInItsOlderFormReachesTheReadModels() throws Exception {
        String c = "upcast-" + System.nanoTime();
        String ledger = c + "/losses/RU/ministry-of-defence-of-ukraine";
        new EventStoreWriter(context).append(c, new ConflictRegistered(c, "War",
                List.of(new Party("RU", "Russia"), new Party("UA", "Ukraine")), LocalDate.of(2022, 2, 24)));
        for (String revision : new String[] {"1", null}) {
            try (Connection connection = dataSource.getConnection()) {
                long version = revision == null ? 1 : 0;
                StoredRows.insert(connection, ledger, version, LossesReported.class.getName(), revision, """
                        {"ledgerId":"%s","reportId":"r%d","conflictId":"%s","side":"RU",
                         "claimant":"Ministry of Defence of Ukraine","asOf":"2025-06-1%d","basis":"CUMULATIVE",
                         "figures":{"PERSONNEL":{"value":%d,"qualifier":"ABOUT"},
                                    "UAVS":{"value":40000,"qualifier":"AT_LEAST"}},
                         "source":{"outlet":"Ministry of Defence of Ukraine","url":"https://www.mil.gov.ua/",
                                   "publishedAt":"2025-06-12T07:00:00Z"}}"""
                        .formatted(ledger, version, c, version + 1, 1_000_340 + version * 1000));
            }
        }

        http.perform(get("/api/conflicts/{c}/losses/RU/PERSONNEL/series", c).param("waitFor", ledger + "@1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points[*].value", contains(1_000_340, 1_001_340)));
        http.perform(get("/api/conflicts/{c}/losses/RU/UAVS/series", c).param("waitFor", ledger + "@1"))
                .andExpect(jsonPath("$.points[*].qualifier", contains("AT_LEAST", "AT_LEAST")));
    }
}
