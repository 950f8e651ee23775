package io.warnews.query.audit;

import static io.warnews.query.audit.AuditHistoryTest.AUDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.MockMvc;

/** An auditor's rebuilds through the HTTP API, as the tests of rebuilds make them. */
record RebuildsOverHttp(MockMvc http) {

    /** Starts a rebuild of the group's read model (202); answers its id. */
    String start(String group) throws Exception {
        String accepted = http.perform(post("/api/audit/projections/" + group + "/rebuild").with(AUDITOR))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.rebuildId", notNullValue()))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(accepted, "$.rebuildId");
    }

    /** The group's last rebuild as its projection status shows it. */
    Map<String, Object> last(String group) throws Exception {
        String status = http.perform(get("/api/audit/projections/" + group).with(AUDITOR))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(status, "$.lastRebuild");
    }

    /** Starts a rebuild and follows the group's status until it is verified or failed; answers it. */
    Map<String, Object> rebuilt(String group) throws Exception {
        return awaitFinished(group, start(group));
    }

    /**
     * Follows the group's status until rebuild {@code id} is verified or failed (the processor
     * running again); answers it. Fails after 30 s.
     */
    Map<String, Object> awaitFinished(String group, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String status = http.perform(get("/api/audit/projections/" + group).with(AUDITOR))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            Map<String, Object> rebuild = JsonPath.read(status, "$.lastRebuild");
            if (id.equals(rebuild.get("rebuildId")) && List.of("VERIFIED", "FAILED").contains(rebuild.get("state"))) {
                assertThat(JsonPath.<Boolean>read(status, "$.running")).isTrue();
                return rebuild;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the rebuild of " + group + " did not finish");
    }
}
