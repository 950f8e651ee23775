package io.warnews.command.web;

import io.warnews.events.TextRule;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/**
 * How request bodies are read: a duplicate key is refused (which of the two would count?), no
 * number, boolean or other scalar becomes a string (an id is never a number), nesting is bounded,
 * and every string follows the {@link TextRule}. Events are written and read by the contract's own
 * mapper, never by this one.
 */
@Configuration
class StrictJson {

    static final int MAX_NESTING = 64;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING).maxNumberLength(100).build());
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Object, CoercionAction.Fail);
                });
    }

    /** Every string value and map key of a request body is checked against the {@link TextRule}. */
    @Bean
    Module textRule() {
        SimpleModule module = new SimpleModule("text-rule");
        module.addDeserializer(String.class, new RuledText());
        module.addKeyDeserializer(String.class, new RuledKey());
        return module;
    }

    /** A string that breaks the text rule, refused with the field's path (a 400 naming it). */
    static final class RefusedText extends JsonMappingException {

        RefusedText(JsonParser parser, String problem) {
            super(parser, problem);
        }
    }

    private static final class RuledText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(p, super.deserialize(p, ctxt));
        }
    }

    private static final class RuledKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }

    private static String checked(JsonParser parser, String text) throws JsonMappingException {
        String problem = text == null ? null : TextRule.problem(text);
        if (problem != null) {
            throw new RefusedText(parser, problem);
        }
        return text;
    }
}
