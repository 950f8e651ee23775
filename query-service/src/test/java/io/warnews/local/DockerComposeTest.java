package io.warnews.local;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of docker-compose.yml without a Docker engine: each service runs the jar the
 * build makes, in the axonserver profile, pointed at the compose file's Axon Server and PostgreSQL
 * through the variables the services' configuration actually reads.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) throws IOException {
        return (Map<String, Object>) service(service).get("environment");
    }

    @Test
    void theComposeFileHasAxonServerPostgresqlAndBothServices() throws IOException {
        for (String name : List.of("axonserver", "postgres", "command-service", "query-service")) {
            assertThat(service(name)).as(name).isNotNull();
        }
    }

    @Test
    void bothServicesRunInTheAxonServerProfileAgainstTheComposeAxonServer() throws IOException {
        for (String name : List.of("command-service", "query-service")) {
            Map<String, Object> env = environment(name);
            assertThat(env.get("SPRING_PROFILES_ACTIVE").toString().split(",")).contains("axonserver");
            assertThat(env.get("AXONSERVER_SERVERS")).isEqualTo("axonserver:8124");
            assertThat(env.get("DATABASE_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
        }
    }

    @Test
    void theVariablesSetThereAreTheOnesTheServicesRead() throws IOException {
        for (String name : List.of("command-service", "query-service")) {
            String config = Files.readString(ROOT.resolve(name + "/src/main/resources/application.yml"))
                    + Files.readString(ROOT.resolve(name + "/src/main/resources/application-axonserver.yml"));
            for (String variable : environment(name).keySet()) {
                if (!variable.equals("SPRING_PROFILES_ACTIVE")) {
                    assertThat(config).as(name + " reads " + variable).contains("${" + variable + ":");
                }
            }
        }
    }

    @Test
    void eachServiceRunsTheJarTheBuildMakes() throws IOException {
        assertThat(service("command-service").get("command").toString()).contains("/app/command-service-exec.jar");
        assertThat(ROOT.resolve("command-service/target/command-service-exec.jar")).exists();
        assertThat(service("query-service").get("command").toString()).contains("/app/query-service.jar");
        assertThat(Files.readString(ROOT.resolve("query-service/pom.xml")))
                .contains("<finalName>query-service</finalName>");
    }
}
