package io.warnews.command.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid request bodies to start from; a test changes the one thing it is about. */
public final class Requests {

    public static final String CONFLICT = "russia-ukraine";

    private Requests() {
    }

    public static Map<String, Object> conflict(String conflictId) {
        return new HashMap<>(Map.of("conflictId", conflictId, "name", "Russia-Ukraine war",
                "parties", List.of(Map.of("code", "RU", "name", "Russia"), Map.of("code", "UA", "name", "Ukraine")),
                "startDate", "2022-02-24"));
    }

    public static Map<String, Object> source() {
        return new HashMap<>(Map.of("outlet", "Ministry of Defence of Ukraine", "url", "https://www.mil.gov.ua/",
                "publishedAt", "2025-06-12T07:00:00Z"));
    }

    public static Map<String, Object> figure(String category, Object value) {
        return new HashMap<>(Map.of("category", category, "value", value, "qualifier", "ABOUT"));
    }

    public static Map<String, Object> lossReport(String reportId, String asOf, long personnel) {
        return new HashMap<>(Map.of("reportId", reportId, "side", "RU", "claimant", "Ministry of Defence of Ukraine",
                "asOf", asOf, "basis", "CUMULATIVE", "figures", new ArrayList<>(List.of(figure("PERSONNEL", personnel))),
                "source", source()));
    }

    public static Map<String, Object> batchItem(String reportId, String asOf, long personnel) {
        return new HashMap<>(Map.of("reportId", reportId, "asOf", asOf,
                "figures", List.of(figure("PERSONNEL", personnel)), "source", source()));
    }

    public static Map<String, Object> batch(List<Map<String, Object>> items) {
        return new HashMap<>(Map.of("side", "RU", "claimant", "Ministry of Defence of Ukraine", "basis", "CUMULATIVE",
                "reports", items));
    }

    public static Map<String, Object> attack(String attackId, int launched, int intercepted) {
        Map<String, Object> details = new HashMap<>(Map.of("attacker", "RU",
                "targets", List.of(Map.of("place", "Kyiv", "region", "Kyiv")), "startDate", "2025-06-10",
                "weapons", List.of(Map.of("type", "ATTACK_DRONE", "launched", launched, "intercepted", intercepted))));
        return new HashMap<>(Map.of("attackId", attackId, "details", details, "claimant", "Air Force of Ukraine",
                "source", source()));
    }
}
