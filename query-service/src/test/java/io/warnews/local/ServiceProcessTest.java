package io.warnews.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JVM options a started service gets from {@code service.jvm-options}. */
class ServiceProcessTest {

    @Test
    void withoutOptionsAServiceRunsTheSerialCollector() {
        assertThat(ServiceProcess.jvmOptions("", "query-service")).containsExactly("-XX:+UseSerialGC");
        assertThat(ServiceProcess.jvmOptions("   ", "query-service")).containsExactly("-XX:+UseSerialGC");
    }

    @Test
    void optionsAreAddedWithTheServiceNameFilledIn() {
        assertThat(ServiceProcess.jvmOptions(" -Xlog:gc:file=/tmp/{name}.log  -XX:+UseGCOverheadLimit ",
                "command-service"))
                .containsExactly("-XX:+UseSerialGC", "-Xlog:gc:file=/tmp/command-service.log", "-XX:+UseGCOverheadLimit");
    }

    @Test
    void aCollectorNamedInTheOptionsReplacesTheSerialOne() {
        assertThat(ServiceProcess.jvmOptions("-XX:+UseG1GC -XX:MaxGCPauseMillis=20", "query-service"))
                .containsExactly("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");
        assertThat(ServiceProcess.jvmOptions("-XX:+UseParallelGC", "query-service"))
                .containsExactly("-XX:+UseParallelGC");
    }
}
