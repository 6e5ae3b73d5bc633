package io.goftgu.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON form of events: ISO-8601 instants, unknown fields ignored so producers can add fields. */
public final class EventJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventJson() {
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON", e);
        }
    }

    /** Any value (an event's payload) as JSON text, in the same form {@link #write} gives it inside an envelope. */
    public static String writeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON", e);
        }
    }

    public static EventEnvelope read(byte[] json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an event envelope", e);
        }
    }

    public static EventEnvelope read(String json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an event envelope", e);
        }
    }

    /**
     * The event's payload as {@code type}, a record of the payload's shape; throws {@link BadPayloadException} when
     * the payload does not fit it (a required field missing, a malformed id or instant).
     */
    public static <T> T payload(EventEnvelope event, Class<T> type) {
        if (event.payload() == null || !event.payload().isObject()) {
            throw new BadPayloadException(event, "the payload is not an object", null);
        }
        try {
            return MAPPER.treeToValue(event.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            var cause = e.getCause() != null && e instanceof JsonProcessingException ? e.getCause() : e;
            throw new BadPayloadException(event, "not a " + type.getSimpleName() + " payload: " + cause.getMessage(), e);
        }
    }

    /** A domain object as an event payload. */
    public static JsonNode toPayload(Object value) {
        return MAPPER.valueToTree(value);
    }
}
