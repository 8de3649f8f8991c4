package io.secopskit.core.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.secopskit.core.Secret;
import java.io.IOException;

/**
 * The one configured Jackson mapper: unknown fields ignored (vendors add fields), {@code java.time}
 * support, ISO dates, nulls left out of request bodies, {@link Secret} read from and written as a
 * string. Thread-safe; never reconfigure it. Internal.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .addModule(new JavaTimeModule())
            .addModule(secretModule())
            .addModule(skipUnknownWithoutBuffering())
            .build();

    private Json() {
    }

    /** Returns the shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Vendors add fields, so unknown ones are ignored. With {@code FAIL_ON_UNKNOWN_PROPERTIES} off alone,
     * Jackson still copies every unknown field of a record (a creator-based type) into a {@code TokenBuffer}
     * and replays it through a parser before dropping it — about a third of the SDK's per-call allocation
     * in the ClientSide benchmark. Marking every bean "ignore all unknown" makes Jackson skip them instead.
     */
    private static SimpleModule skipUnknownWithoutBuffering() {
        SimpleModule module = new SimpleModule("secopskit-skip-unknown");
        module.setDeserializerModifier(new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
            @Override
            public com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder updateBuilder(
                    com.fasterxml.jackson.databind.DeserializationConfig config,
                    com.fasterxml.jackson.databind.BeanDescription beanDesc,
                    com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder builder) {
                builder.setIgnoreUnknownProperties(true);
                return builder;
            }
        });
        return module;
    }

    private static SimpleModule secretModule() {
        SimpleModule module = new SimpleModule("secopskit-secret");
        module.addSerializer(Secret.class, new JsonSerializer<>() {
            @Override
            public void serialize(Secret value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.reveal());
            }
        });
        module.addDeserializer(Secret.class, new JsonDeserializer<>() {
            @Override
            public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                if (text == null && p.currentToken() != null && p.currentToken().isStructStart()) {
                    text = p.readValueAsTree().toString();
                }
                return Secret.ofNullable(text);
            }
        });
        return module;
    }
}
