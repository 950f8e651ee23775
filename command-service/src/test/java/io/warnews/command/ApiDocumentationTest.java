package io.warnews.command;

import io.warnews.command.support.Api;
import io.warnews.command.support.CommandServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@CommandServiceTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentListsEveryWriteEndpointWithoutCredentials() {
        var docs = new Api(port).anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").fieldNames()).toIterable().contains(
                "/api/conflicts",
                "/api/conflicts/{conflictId}/loss-reports",
                "/api/conflicts/{conflictId}/loss-reports/batch",
                "/api/conflicts/{conflictId}/loss-reports/{reportId}/corrections",
                "/api/conflicts/{conflictId}/loss-reports/{reportId}/retraction",
                "/api/conflicts/{conflictId}/attacks",
                "/api/attacks/{attackId}/casualty-revisions",
                "/api/attacks/{attackId}/corrections",
                "/api/attacks/{attackId}/retraction",
                "/api/conflicts/{conflictId}/talks",
                "/api/talks/{talksId}/rounds",
                "/api/talks/{talksId}/proposals",
                "/api/talks/{talksId}/proposals/{proposalId}/responses",
                "/api/talks/{talksId}/prisoner-exchanges",
                "/api/talks/{talksId}/status");
        assertThat(new Api(port).anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void healthIsPublic() {
        assertThat(new Api(port).anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(new Api(port).anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(new Api(port).anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    /** The actuator answers a path it does not know with a bare 404: here it is a problem naming the path. */
    @Test
    void anUnknownHealthPathIsAProblem() {
        for (String path : new String[] {"/actuator/health/nope", "/actuator/health/readiness/99999999999999999999"}) {
            var answer = new Api(port).anonymous().get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.headers().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)).as(path).isTrue();
            assertThat(answer.json().path("detail").asText()).as(path).contains(path);
        }
    }
}
