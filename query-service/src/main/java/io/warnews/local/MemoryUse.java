package io.warnews.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The backend's resident memory, as Linux's proportional set size (pages shared between
 * PostgreSQL's processes counted once): both services and every PostgreSQL process.
 */
final class MemoryUse {

    private MemoryUse() {
    }

    static String describe(Path postgresData, List<Process> services) {
        if (!Files.isReadable(Path.of("/proc/self/smaps_rollup"))) {
            return "(not measured on this system)";
        }
        long servicesKb = services.stream().mapToLong(p -> pssKb(p.pid())).sum();
        long postgresKb = postgresPids(postgresData).map(MemoryUse::pssKb).sum();
        return String.format("%d MiB (services %d MiB, PostgreSQL %d MiB)", (servicesKb + postgresKb) / 1024,
                servicesKb / 1024, postgresKb / 1024);
    }

    /** The postmaster (first line of postmaster.pid) and all its children. */
    private static LongStream postgresPids(Path postgresData) {
        try (var lines = Files.lines(postgresData.resolve("postmaster.pid"))) {
            long postmaster = Long.parseLong(lines.findFirst().orElseThrow().trim());
            return ProcessHandle.of(postmaster).stream()
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                    .mapToLong(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return LongStream.empty();
        }
    }

    private static long pssKb(long pid) {
        try (var lines = Files.lines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
            return lines.filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
