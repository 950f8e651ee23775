package io.warnews.query.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.warnews.query.QueryServiceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The actuator answers a path it does not know with a bare 404: here it is a problem naming the path. */
@QueryServiceTest
class ActuatorProblemsTest {

    @Autowired
    MockMvc http;

    @Test
    void anUnknownHealthPathIsAProblemAndHealthIsUnchanged() throws Exception {
        http.perform(get("/actuator/health/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("/actuator/health/nope")));
        http.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }
}
