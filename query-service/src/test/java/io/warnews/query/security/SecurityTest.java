package io.warnews.query.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.query.QueryServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class SecurityTest {

    @Autowired
    MockMvc http;

    @Test
    void readsAndTheApiDocumentationArePublic() throws Exception {
        http.perform(get("/api/conflicts/unknown")).andExpect(status().isNotFound());
        http.perform(get("/v3/api-docs")).andExpect(status().isOk());
        http.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theAuditApiNeedsAnAuthenticatedAuditor() throws Exception {
        http.perform(get("/api/audit/streams/x/events")).andExpect(status().isUnauthorized());
        http.perform(get("/api/audit/streams/x/events").with(httpBasic("reader", "reader-secret")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/audit/streams/x/events").with(httpBasic("auditor", "wrong")))
                .andExpect(status().isUnauthorized());
        http.perform(get("/api/audit/streams/x/events").with(httpBasic("auditor", "auditor-secret")))
                .andExpect(status().isNotFound());
    }
}
