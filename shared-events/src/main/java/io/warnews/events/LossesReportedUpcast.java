package io.warnews.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@link LossesReported} revision 1 to 2. Revision 1 keyed the figures by category,
 * {@code "figures": {"PERSONNEL": {"value": 1000340, "qualifier": "ABOUT"}}}; revision 2 lists
 * them, {@code "figures": [{"category": "PERSONNEL", "value": 1000340, "qualifier": "ABOUT"}]},
 * the shape {@link LossReportCorrected} has always had, and the order the claimant gave them in.
 * Payloads stored without a revision are taken as revision 1 only when they have its shape:
 * events written in the list form before revisions were recorded pass through unchanged.
 */
final class LossesReportedUpcast implements JsonUpcast {

    @Override
    public String payloadType() {
        return LossesReported.class.getName();
    }

    @Override
    public boolean accepts(String revision) {
        return revision == null || revision.equals("1");
    }

    @Override
    public String toRevision() {
        return "2";
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        JsonNode byCategory = payload.get("figures");
        if (byCategory == null || !byCategory.isObject()) {
            return payload;
        }
        ArrayNode figures = payload.arrayNode();
        for (Map.Entry<String, JsonNode> entry : byCategory.properties()) {
            ObjectNode figure = figures.addObject();
            figure.put("category", entry.getKey());
            figure.set("value", entry.getValue().get("value"));
            figure.set("qualifier", entry.getValue().get("qualifier"));
        }
        payload.set("figures", figures);
        return payload;
    }
}
