package io.warnews.query.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.query.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With public reads turned off, every read needs a configured user; health stays public. */
@QueryServiceTest
@TestPropertySource(properties = "warnews.security.public-reads=false")
class PrivateReadsTest {

    @Autowired
    MockMvc http;

    @Test
    void readsNeedAUserWhenPublicReadsAreOff() throws Exception {
        http.perform(get("/api/conflicts/unknown")).andExpect(status().isUnauthorized());
        http.perform(get("/api/feed")).andExpect(status().isUnauthorized());
        http.perform(get("/api/conflicts/unknown").with(httpBasic("reader", "reader-secret")))
                .andExpect(status().isNotFound());
        http.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void theDashboardsFilesHoldNoDataAndStayPublicWhileItsReadsNeedAUser() throws Exception {
        http.perform(get("/")).andExpect(status().isOk());
        http.perform(get("/dashboard/main.js")).andExpect(status().isOk());
        http.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
        http.perform(get("/api/conflicts/russia-ukraine/losses")).andExpect(status().isUnauthorized());
    }
}
