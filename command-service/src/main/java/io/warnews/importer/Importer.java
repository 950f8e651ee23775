package io.warnews.importer;

import io.warnews.importer.LossApi.ImportFailure;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records the real datasets ({@code data/ua-mod-losses}, {@code data/orc-losses}) through the
 * editors' HTTP API of a running command-service: the Ministry of Defence of Ukraine's daily
 * cumulative figures on Russian losses, as two claimants' ledgers. Every row is recorded exactly
 * as the file gives it: a figure lower than an earlier day's is recorded as published, and the
 * service answers it with a warning (the read side lists it as an anomaly); no earlier figure is
 * ever rewritten. Report ids are derived from the dates, so running it again records nothing new.
 * <pre>
 * --url http://localhost:8080   --user editor   --password editor-dev-password
 * --dataset ua-mod|orc|both     --data-dir FOLDER (default: the copy on the classpath)
 * --batch-size 1000
 * </pre>
 * Exits 0 when done, 1 when the service refused a request or could not be reached (the message
 * shows the request and the problem body), 2 on bad arguments.
 */
public final class Importer {

    static final int DEFAULT_BATCH = 1000;

    record Options(String url, String user, String password, List<Dataset> datasets, Path dataDir, int batchSize) {

        static Options defaults() {
            return new Options("http://localhost:8080", "editor", "editor-dev-password",
                    List.of(Dataset.UA_MOD, Dataset.ORC), null, DEFAULT_BATCH);
        }

        static Options parse(String[] args) {
            Options options = defaults();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                options = switch (name) {
                    case "--url" -> options.with(value, options.user, options.password, options.datasets,
                            options.dataDir, options.batchSize);
                    case "--user" -> options.with(options.url, value, options.password, options.datasets,
                            options.dataDir, options.batchSize);
                    case "--password" -> options.with(options.url, options.user, value, options.datasets,
                            options.dataDir, options.batchSize);
                    case "--dataset" -> options.with(options.url, options.user, options.password,
                            value.equals("both") ? List.of(Dataset.UA_MOD, Dataset.ORC) : List.of(Dataset.byId(value)),
                            options.dataDir, options.batchSize);
                    case "--data-dir" -> options.with(options.url, options.user, options.password, options.datasets,
                            Path.of(value), options.batchSize);
                    case "--batch-size" -> options.with(options.url, options.user, options.password,
                            options.datasets, options.dataDir, batchSize(value));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                };
            }
            return options;
        }

        private static int batchSize(String value) {
            int size = Integer.parseInt(value);
            if (size < 1 || size > 5000) {
                throw new IllegalArgumentException("--batch-size must be 1..5000");
            }
            return size;
        }

        Options with(String url, String user, String password, List<Dataset> datasets, Path dataDir, int batchSize) {
            return new Options(url, user, password, datasets, dataDir, batchSize);
        }

        DataFiles files() {
            return dataDir == null ? DataFiles.classpath() : DataFiles.in(dataDir);
        }
    }

    /**
     * One dataset's import. Events: the reports recorded by this run; warned: the reports the
     * service flagged as contradicting the claimant's other figures (recorded all the same).
     */
    record Summary(Dataset dataset, String streamId, int days, long recorded, long alreadyRecorded, long warned,
                   long nanos) {

        long events() {
            return recorded;
        }
    }

    /** The whole run: the conflict registration (an event when new), each dataset, the time it took. */
    record Result(boolean conflictRegistered, List<Summary> datasets, long nanos) {

        long events() {
            return (conflictRegistered ? 1 : 0) + datasets.stream().mapToLong(Summary::events).sum();
        }

        double seconds() {
            return nanos / 1e9;
        }

        double eventsPerSecond() {
            return events() / Math.max(seconds(), 1e-9);
        }

        String describe() {
            int days = datasets.stream().mapToInt(Summary::days).sum();
            long recorded = datasets.stream().mapToLong(Summary::recorded).sum();
            long already = datasets.stream().mapToLong(Summary::alreadyRecorded).sum();
            long warned = datasets.stream().mapToLong(Summary::warned).sum();
            return String.format(Locale.ENGLISH, "imported %,d days: %,d reports recorded, %,d already recorded, "
                            + "%,d with warnings; %,d events in %.1f s = %,.0f events/s",
                    days, recorded, already, warned, events(), seconds(), eventsPerSecond());
        }
    }

    private Importer() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("importer: " + e.getMessage());
            System.err.println("usage: --url URL --user USER --password PASSWORD --dataset ua-mod|orc|both "
                    + "[--data-dir FOLDER] [--batch-size N]");
            System.exit(2);
            return;
        }
        try {
            Result result = run(options, System.out);
            System.out.println(result.describe());
        } catch (ImportFailure e) {
            System.err.println("importer: stopped: " + e.getMessage());
            System.exit(1);
        }
    }

    static Result run(Options options, PrintStream out) {
        long start = System.nanoTime();
        LossApi api = new LossApi(options.url(), options.user(), options.password());
        boolean registered = api.registerConflict().created();
        out.println("conflict " + Dataset.CONFLICT + (registered ? " registered" : " already registered"));
        List<Summary> summaries = new ArrayList<>();
        for (Dataset dataset : options.datasets()) {
            summaries.add(importDataset(api, dataset, options, out));
        }
        return new Result(registered, summaries, System.nanoTime() - start);
    }

    private static Summary importDataset(LossApi api, Dataset dataset, Options options, PrintStream out) {
        long start = System.nanoTime();
        List<Day> days = dataset.days(options.files());
        String streamId = null;
        long recorded = 0, already = 0, warned = 0;
        for (int from = 0; from < days.size(); from += options.batchSize()) {
            List<Day> batch = days.subList(from, Math.min(days.size(), from + options.batchSize()));
            long sent = System.nanoTime();
            LossApi.Answer answer = api.recordBatch(dataset, batch);
            streamId = answer.body().path("streamId").asText();
            recorded += answer.body().path("recorded").asLong();
            already += answer.body().path("alreadyRecorded").asLong();
            warned += answer.body().path("warned").asLong();
            out.printf("%s: %s .. %s, %d reports (%d new, %d with warnings) (%d ms)%n", dataset.id,
                    batch.get(0).date(), batch.get(batch.size() - 1).date(), batch.size(),
                    answer.body().path("recorded").asLong(), answer.body().path("warned").asLong(),
                    (System.nanoTime() - sent) / 1_000_000);
        }
        Summary summary = new Summary(dataset, streamId, days.size(), recorded, already, warned,
                System.nanoTime() - start);
        out.printf(Locale.ENGLISH, "%s (%s): %,d days, %,d reports recorded, %,d already recorded, "
                        + "%,d with warnings, %.2f s%n", dataset.id, dataset.claimant, days.size(), recorded, already,
                warned, summary.nanos() / 1e9);
        return summary;
    }
}
