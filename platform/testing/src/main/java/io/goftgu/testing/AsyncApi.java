package io.goftgu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.goftgu.events.EventTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The AsyncAPI documents of {@code docs/asyncapi} as a checker of what producers really write. Each document lists
 * its messages under {@code components.messages}; a message's {@code name} is the event type and its
 * {@code payload} is the JSON Schema of the whole Kafka record (the envelope with that type's payload).
 * {@link #violations} validates one record against the schema of its {@code type} with networknt's validator
 * (JSON Schema 2020-12, formats asserted). Used by each producer's contract test through {@link TopicContract}.
 */
public final class AsyncApi {

    private static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static volatile AsyncApi documents;

    private final Map<String, JsonSchema> schemaByType;
    private final Map<String, String> documentByType;

    private AsyncApi(Map<String, JsonSchema> schemaByType, Map<String, String> documentByType) {
        this.schemaByType = schemaByType;
        this.documentByType = documentByType;
    }

    /** The documents of this checkout's {@code docs/asyncapi}, read once per JVM. */
    public static AsyncApi documents() {
        var loaded = documents;
        if (loaded == null) {
            synchronized (AsyncApi.class) {
                loaded = documents;
                if (loaded == null) {
                    loaded = read(directory());
                    documents = loaded;
                }
            }
        }
        return loaded;
    }

    /** Reads every {@code *.yaml} of {@code directory}; an event type documented twice is an error. */
    public static AsyncApi read(Path directory) {
        // 2020-12, plus the document's "components" as a known keyword that only holds the $ref targets
        var metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .keyword(new NonValidationKeyword("components")).build();
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(metaSchema));
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        var schemas = new TreeMap<String, JsonSchema>();
        var documentOf = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(directory)) {
            for (var file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                var document = YAML.readTree(file.toFile());
                var components = document.path("components");
                var messages = components.path("messages");
                for (var it = messages.fields(); it.hasNext(); ) {
                    var message = it.next();
                    var type = message.getValue().path("name").asText(null);
                    if (type == null || !message.getValue().has("payload")) {
                        throw new IllegalStateException(file.getFileName() + ": message " + message.getKey()
                                + " needs a name (the event type) and a payload (the record's schema)");
                    }
                    var previous = documentOf.put(type, file.getFileName().toString());
                    if (previous != null) {
                        throw new IllegalStateException(type + " is documented in " + previous + " and in "
                                + file.getFileName());
                    }
                    // the message's payload schema, with the document's components beside it so its $refs resolve
                    ObjectNode root = YAML.createObjectNode();
                    root.put("$schema", DRAFT);
                    root.put("$ref", "#/components/messages/" + message.getKey() + "/payload");
                    root.set("components", components);
                    schemas.put(type, factory.getSchema(root, config));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AsyncAPI documents in " + directory, e);
        }
        return new AsyncApi(Map.copyOf(schemas), Map.copyOf(documentOf));
    }

    /** Every event type some document describes. */
    public Set<String> documentedTypes() {
        return new TreeSet<>(schemaByType.keySet());
    }

    /** The document that describes {@code type}, or null. */
    public String documentOf(String type) {
        return documentByType.get(type);
    }

    /**
     * What is wrong with one Kafka record's value (the JSON envelope) against the AsyncAPI schema of its type:
     * empty when it matches; an undocumented type is a violation too.
     */
    public List<String> violations(JsonNode record) {
        var type = record.path("type").asText("");
        var schema = schemaByType.get(type);
        if (schema == null) {
            return List.of("event type '" + type + "' is not described in docs/asyncapi");
        }
        var problems = new ArrayList<String>();
        for (ValidationMessage message : schema.validate(record)) {
            problems.add(type + " (" + documentByType.get(type) + "): " + message.getMessage());
        }
        return problems;
    }

    /** Every event type named in platform/events {@link EventTypes}, read from its constants. */
    public static Set<String> eventTypes() {
        var types = new TreeSet<String>();
        for (var group : EventTypes.class.getDeclaredClasses()) {
            Arrays.stream(group.getDeclaredFields())
                    .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                    .forEach(f -> {
                        try {
                            types.add((String) f.get(null));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
        return types;
    }

    /** {@code docs/asyncapi} of the checkout the tests run in (a module's directory or the root). */
    static Path directory() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("docs").resolve("asyncapi");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/asyncapi above " + Path.of("").toAbsolutePath());
    }
}
