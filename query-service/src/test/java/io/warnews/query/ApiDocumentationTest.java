package io.warnews.query;

import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class ApiDocumentationTest {

    @Autowired
    MockMvc http;

    @Test
    void theOpenApiDocumentListsTheReadEndpointsWithTheirReadYourWritesParameters() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/conflicts/{conflictId}/losses'].get.parameters[*].name",
                        hasItems("conflictId", "side", "asOf", "waitFor", "waitMillis")))
                .andExpect(jsonPath("$.paths['/api/talks/{talksId}'].get.parameters[*].name",
                        hasItems("talksId", "waitFor")))
                .andExpect(jsonPath("$.paths['/api/conflicts/{conflictId}/timeline']").exists())
                .andExpect(jsonPath("$.paths['/api/conflicts/{conflictId}/attacks/records']").exists());
    }
}
