package io.warnews.command.seed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * With {@code warnews.seed.enabled=true}, posts the seed story to this service's own API once it
 * is up, as the configured editor: a newcomer sees real figures at once. Ids are fixed, so a
 * second start records nothing new.
 */
@Component
@ConditionalOnProperty(name = "warnews.seed.enabled", havingValue = "true")
class SeedOnStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOnStartup.class);

    private final String username;
    private final String password;

    SeedOnStartup(@Value("${warnews.seed.username:editor}") String username,
                  @Value("${warnews.seed.password:editor-dev-password}") String password) {
        this.username = username;
        this.password = password;
    }

    @EventListener
    void seed(ApplicationReadyEvent ready) {
        int port = ((WebServerApplicationContext) ready.getApplicationContext()).getWebServer().getPort();
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(username, password)).build();
        int created = 0;
        for (SeedStory.Request request : SeedStory.requests()) {
            var status = client.post().uri(request.path()).contentType(MediaType.APPLICATION_JSON)
                    .body(request.body()).retrieve().toBodilessEntity().getStatusCode();
            if (status.value() == 201) {
                created++;
            }
        }
        LOG.info("Seed story: {} of {} requests recorded new facts", created, SeedStory.requests().size());
    }
}
