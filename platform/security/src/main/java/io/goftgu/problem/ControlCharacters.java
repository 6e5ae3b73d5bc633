package io.goftgu.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Control characters never enter a service: PostgreSQL refuses U+0000 in text (a NUL in a message body used to be a
 * 500), and the others (C0 except tab, line feed, carriage return; DEL) have no place in names, titles or chat text.
 * Every JSON string a REST body carries is checked as it is read (400 naming the field), and so are the request's
 * path and query (400 before any resource runs).
 */
@Singleton
public class ControlCharacters implements ObjectMapperCustomizer {

    /** Whether {@code text} holds a character no field accepts. */
    public static boolean present(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("goftgu-control-characters")
                .addDeserializer(String.class, new Checked())
                .addDeserializer(JsonNode.class, new CheckedTree()));
    }

    /** Bodies read as a tree (PATCH with "absent" versus null): every text value and field name is checked. */
    static final class CheckedTree extends StdDeserializer<JsonNode> {
        CheckedTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            if (holdsControl(tree)) {
                throw InvalidFormatException.from(parser, "control characters are not allowed", "", String.class);
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        private static boolean holdsControl(JsonNode node) {
            if (node == null) {
                return false;
            }
            if (node.isTextual()) {
                return present(node.textValue());
            }
            if (node.isObject()) {
                var fields = node.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    if (present(field.getKey()) || holdsControl(field.getValue())) {
                        return true;
                    }
                }
            } else if (node.isArray()) {
                for (var item : node) {
                    if (holdsControl(item)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    static final class Checked extends StdScalarDeserializer<String> {
        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            var value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && present(value)) {
                throw InvalidFormatException.from(parser, "control characters are not allowed", value, String.class);
            }
            return value;
        }
    }

    /** The path and query, decoded, before routing: {@code %00} anywhere is a 400 problem. */
    void register(@jakarta.enterprise.event.Observes io.vertx.ext.web.Router router) {
        router.route().order(-1_000).handler(this::pathAndQuery);
    }

    void pathAndQuery(RoutingContext context) {
        var request = context.request();
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(request.uri(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = null;
        }
        if (decoded == null || present(decoded)) {
            var problem = new JsonObject().put("type", "https://goftgu.io/problems/400").put("title", "Bad request")
                    .put("status", 400).put("detail", decoded == null ? "the URL is not properly encoded"
                            : "control characters are not allowed in the URL");
            context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
            return;
        }
        context.next();
    }
}
