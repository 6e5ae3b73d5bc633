package io.goftgu.outbox;

import io.agroal.api.AgroalDataSource;
import io.goftgu.events.Actor;
import io.goftgu.events.Audience;
import io.goftgu.events.EventEnvelope;
import io.goftgu.events.EventJson;
import io.goftgu.events.EventTypes;
import io.goftgu.events.TopicSetup;
import io.goftgu.events.Topics;
import io.goftgu.jobs.ReplicaLock;
import io.goftgu.testing.KafkaBroker;
import io.goftgu.testing.KafkaResource;
import io.goftgu.testing.PostgresResource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox against a real PostgreSQL and a real Kafka broker: what commits is published in per-aggregate order
 * with gap-free sequences, what rolls back is not, leftovers are swept, and consumers act once per event id.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "outbox_test"))
@QuarkusTestResource(KafkaResource.class)
class OutboxTest {

    private static final UUID WORKSPACE = UUID.randomUUID();

    @Inject
    ReplicaLock replicaLock;
    @Inject
    Outbox outbox;
    @Inject
    DataSource dataSource;
    @Inject
    ProcessedEvents processed;
    @Inject
    EventSubscriber subscriber;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private static NewEvent event(UUID aggregate, int n) {
        return new NewEvent(EventTypes.InternalChat.MESSAGE_CREATED, WORKSPACE, aggregate, Actor.user(UUID.randomUUID()),
                Audience.role("ADMIN"), Map.of("n", n));
    }

    @Test
    void committedEventsArePublishedInOrderWithGapFreeSequences() {
        var room = UUID.randomUUID();
        var other = UUID.randomUUID();
        for (int n = 1; n <= 5; n++) {
            int i = n;
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.add(event(room, i));
                outbox.add(event(other, i));
            });
        }
        var received = read(Set.of(room, other), 10);
        var roomEvents = received.stream().filter(e -> e.aggregateId().equals(room)).toList();
        assertEquals(LongStream.rangeClosed(1, 5).boxed().toList(), roomEvents.stream().map(EventEnvelope::sequence).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), roomEvents.stream().map(e -> e.payload().path("n").asInt()).toList());
        assertEquals(WORKSPACE, roomEvents.getFirst().workspaceId());
        awaitEmptyOutbox();
    }

    /** A payload the way producers give one: a record with ids, instants, text to escape, a list and a null. */
    record Shape(UUID id, String body, Instant at, List<String> tags, String none) {
    }

    @Test
    void thePayloadIsPublishedAsItsRecordIsWritten() {
        var aggregate = UUID.randomUUID();
        var shape = new Shape(UUID.randomUUID(), "سلام \"quoted\" \\ }{ \"payload\":null}",
                Instant.parse("2026-12-01T10:00:00.123456Z"), List.of("a", "ب"), null);
        QuarkusTransaction.requiringNew().run(() -> outbox.add(new NewEvent(EventTypes.InternalChat.MESSAGE_CREATED,
                WORKSPACE, aggregate, Actor.SYSTEM, Audience.NOBODY, shape)));
        var published = read(Set.of(aggregate), 1).getFirst();
        assertEquals(EventJson.toPayload(shape), published.payload());
        assertEquals(shape, EventJson.payload(published, Shape.class));
        assertEquals(1, published.sequence());
    }

    /**
     * The relay commits its deletions without waiting for the disk, for its own transaction only: the pooled
     * connections it hands back still commit the services' writes as their session says (this test cluster runs
     * with synchronous_commit off, so every pooled connection of this test starts with it on, as the server's
     * default is in production: {@code new-connection-sql} in the test's application.properties; setting it on
     * the idle connections instead missed any connection the pool opened later).
     */
    @Test
    void theRelaysAsynchronousCommitStaysInItsOwnTransaction() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> outbox.add(event(UUID.randomUUID(), 1)));
        awaitEmptyOutbox();
        forIdleConnections("SHOW synchronous_commit", "on");
    }

    /** Runs {@code sql} on every idle connection of the pool at once (the relay's among them); checks the answer. */
    private void forIdleConnections(String sql, String expected) throws java.sql.SQLException {
        var held = new ArrayList<java.sql.Connection>();
        try {
            for (int i = 0; i < 8; i++) {
                held.add(dataSource.getConnection());
            }
            for (var connection : held) {
                try (var statement = connection.createStatement()) {
                    try (var rs = statement.executeQuery(sql)) {
                        rs.next();
                        assertEquals(expected, rs.getString(1));
                    }
                }
            }
        } finally {
            for (var connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void rolledBackChangesPublishNothing() {
        var aggregate = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.add(event(aggregate, 1));
            throw new IllegalStateException("the change failed");
        }));
        var marker = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.add(event(marker, 1)));
        var received = read(Set.of(aggregate, marker), 1);
        assertTrue(received.stream().noneMatch(e -> e.aggregateId().equals(aggregate)));
        // the next committed event of that aggregate still starts at 1: the rolled-back one took no number
        QuarkusTransaction.requiringNew().run(() -> outbox.add(event(aggregate, 2)));
        assertEquals(1, read(Set.of(aggregate), 1).getFirst().sequence());
    }

    @Test
    void addingOutsideATransactionIsRefused() {
        assertThrows(IllegalStateException.class, () -> outbox.add(event(UUID.randomUUID(), 1)));
    }

    @Test
    void theSweeperPublishesLeftovers() throws Exception {
        // a row the relay never saw, as after a crash between commit and publish
        var aggregate = UUID.randomUUID();
        var envelope = leftover(aggregate, 1, Map.of("leftover", true));
        try (var connection = dataSource.getConnection()) {
            insertRow(connection, envelope);
        }
        assertEquals(envelope.id(), read(Set.of(aggregate), 1).getFirst().id());
        awaitEmptyOutbox();
    }

    /**
     * A row Kafka refuses for good (here: larger than a request may be) holds back its own aggregate's later rows,
     * in order, and nothing of any other aggregate, even in the same relay pass.
     */
    @Test
    void aRowKafkaRefusesHoldsBackOnlyItsOwnAggregate() throws Exception {
        var stuck = UUID.randomUUID();
        var other = UUID.randomUUID();
        var refused = leftover(stuck, 1, Map.of("blob", "x".repeat(1_100_000)));
        var behind = leftover(stuck, 2, Map.of());
        var fine = leftover(other, 1, Map.of());
        try (var connection = dataSource.getConnection()) {
            // one transaction, so one relay pass takes all three
            connection.setAutoCommit(false);
            insertRow(connection, refused);
            insertRow(connection, behind);
            insertRow(connection, fine);
            connection.commit();
        }
        try {
            assertEquals(fine.id(), read(Set.of(other), 1).getFirst().id());
            var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!outboxHolds().equals(List.of(refused.id(), behind.id())) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(List.of(refused.id(), behind.id()), outboxHolds(), "the refused row and the one behind it stay");
            Thread.sleep(500); // more sweeps
            assertEquals(List.of(refused.id(), behind.id()), outboxHolds());
        } finally {
            byIndex(connection -> {
                try (var delete = connection.prepareStatement("DELETE FROM outbox_event WHERE event_id = ANY (?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", new Object[] {refused.id(), behind.id()}));
                    return delete.executeUpdate();
                }
            });
        }
    }

    /**
     * The outbox is a queue: deleted rows pile up until autovacuum passes. A plan made for the relay's statement
     * while the table was empty (as after a vacuum) must not read the whole table once it has grown: no relay pass
     * scans it sequentially, neither the passes on the empty table nor those on a table of thousands of rows.
     */
    @Test
    void theRelayFindsTheOldestRowsByIndexHoweverLargeTheTableGrew() throws Exception {
        awaitEmptyOutbox();
        try (var connection = dataSource.getConnection(); var vacuum = connection.createStatement()) {
            vacuum.execute("VACUUM outbox_event"); // ends every cached plan: the next ones are made on an empty table
        }
        long before = sequentialScansOfTheOutbox();
        var aggregate = UUID.randomUUID();
        for (int n = 1; n <= 20; n++) {
            int i = n;
            QuarkusTransaction.requiringNew().run(() -> outbox.add(event(aggregate, i)));
            Thread.sleep(20);
        }
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int n = 1; n <= 3000; n++) {
                insertRow(connection, leftover(aggregate, 20 + n, Map.of("n", n)));
            }
            connection.commit();
        }
        awaitEmptyOutbox();
        assertEquals(before, sequentialScansOfTheOutbox(), "sequential scans of outbox_event");
    }

    /**
     * The table's sequential scans so far. A session reports its counts at most once a second and, when idle, up
     * to ten seconds late, but always as it ends: the pool's connections are closed first. This test's own reads of
     * the table go by its index ({@link #byIndex}), so every scan counted is the relay's.
     */
    private long sequentialScansOfTheOutbox() throws Exception {
        ((AgroalDataSource) dataSource).flush(AgroalDataSource.FlushMode.GRACEFUL);
        Thread.sleep(500);
        try (var connection = dataSource.getConnection(); var query = connection.createStatement();
             var rs = query.executeQuery("SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'outbox_event'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static EventEnvelope leftover(UUID aggregate, long sequence, Map<String, Object> payload) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.InternalChat.MESSAGE_CREATED, 1, WORKSPACE, aggregate,
                sequence, Instant.now(), Actor.SYSTEM, Audience.NOBODY, EventJson.toPayload(payload));
    }

    /** A row as a crash between commit and publish leaves it: the relay was never woken for it. */
    private static void insertRow(java.sql.Connection connection, EventEnvelope envelope) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement(
                "INSERT INTO outbox_event (event_id, topic, record_key, envelope) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, envelope.id());
            insert.setString(2, envelope.topic());
            insert.setString(3, envelope.aggregateId().toString());
            insert.setString(4, EventJson.write(envelope));
            insert.executeUpdate();
        }
    }

    private List<UUID> outboxHolds() {
        return byIndex(connection -> {
            try (var select = connection.createStatement();
                 var rs = select.executeQuery("SELECT event_id FROM outbox_event ORDER BY id")) {
                var ids = new ArrayList<UUID>();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
                return ids;
            }
        });
    }

    @Test
    void consumersHandleEachEventOnceEvenWhenDeliveredTwice() throws Exception {
        var handled = new CopyOnWriteArrayList<UUID>();
        var aggregate = UUID.randomUUID();
        subscriber.subscribe("outbox-test-" + UUID.randomUUID(), List.of(Topics.INTERNAL_CHAT), e -> {
            if (e.aggregateId().equals(aggregate)) {
                handled.add(e.id());
            }
        });
        QuarkusTransaction.requiringNew().run(() -> outbox.add(event(aggregate, 1)));
        var envelope = read(Set.of(aggregate), 1).getFirst();
        // the same record again, as a producer retry or a relay that died before deleting would send it
        send(Topics.INTERNAL_CHAT, List.of(envelope));
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (handled.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1500);
        assertEquals(List.of(envelope.id()), handled);
        var consumer = "dedupe-" + UUID.randomUUID();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery(consumer, envelope.id())));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery(consumer, envelope.id())));
    }

    @Test
    void handledOffsetsAreCommittedEvenWhenNoMoreEventsCome() throws Exception {
        var group = "outbox-test-" + UUID.randomUUID();
        var aggregate = UUID.randomUUID();
        var handled = new CopyOnWriteArrayList<UUID>();
        subscriber.subscribe(group, List.of(Topics.INTERNAL_CHAT), e -> {
            if (e.aggregateId().equals(aggregate)) {
                handled.add(e.id());
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= 3; i++) {
                outbox.add(event(aggregate, i));
            }
        });
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (handled.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(3, handled.size());
        // with no more events coming, the group's offsets still reach the end of what it handled
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", KafkaBroker.bootstrapServers()));
             var probe = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers(),
                     "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            var partitions = probe.partitionsFor(Topics.INTERNAL_CHAT).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            // a partition nothing was ever written to has no offset to commit
            var ends = probe.endOffsets(partitions).entrySet().stream().filter(entry -> entry.getValue() > 0)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Map<org.apache.kafka.common.TopicPartition, Long> committed = Map.of();
            while (System.nanoTime() < deadline) {
                committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                        .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                entry -> entry.getValue().offset()));
                if (committed.equals(ends)) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(ends, committed);
        }
    }

    @Test
    void aFailedEventIsRetriedWithoutSkippingWhatCameBehindItAndUnwantedTypesArePassedOver() throws Exception {
        var aggregates = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var handled = new CopyOnWriteArrayList<UUID>();
        var failOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        subscriber.subscribe("outbox-test-" + UUID.randomUUID(), List.of(Topics.INTERNAL_CHAT),
                e -> EventTypes.InternalChat.MESSAGE_CREATED.equals(e.type()), e -> {
                    if (!aggregates.contains(e.aggregateId())) {
                        return;
                    }
                    if (e.sequence() == 3 && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("the database blinked");
                    }
                    handled.add(e.id());
                });
        // one transaction: the records reach the consumer together, in one poll, over several partitions
        var published = QuarkusTransaction.requiringNew().call(() -> {
            var ids = new ArrayList<UUID>();
            for (int i = 1; i <= 5; i++) {
                for (var aggregate : aggregates) {
                    ids.add(outbox.add(event(aggregate, i)));
                }
            }
            outbox.add(new NewEvent(EventTypes.InternalChat.ROOM_CREATED, WORKSPACE, aggregates.getFirst(),
                    Actor.SYSTEM, Audience.NOBODY, Map.of()));
            return ids;
        });
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (handled.size() < published.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        assertFalse(failOnce.get(), "the handler failed once");
        assertEquals(Set.copyOf(published), Set.copyOf(handled), "every wanted event, none skipped");
        assertEquals(published.size(), handled.size(), "each once");
    }

    /**
     * An idle consumer's fetch waits at the broker for up to {@link TopicSetup#IDLE_FETCH_WAIT_MS}, and an event
     * still reaches it at once: the waiting fetch is answered when the event is written, not when the wait ends.
     */
    @Test
    void anIdleConsumerIsHandedAnEventAtOnce() throws Exception {
        var aggregate = UUID.randomUUID();
        var handled = new java.util.concurrent.LinkedBlockingQueue<Long>();
        subscriber.subscribe("outbox-test-" + UUID.randomUUID(), List.of(Topics.INTERNAL_CHAT), e -> {
            if (e.aggregateId().equals(aggregate)) {
                handled.add(System.nanoTime());
            }
        });
        QuarkusTransaction.requiringNew().run(() -> outbox.add(event(aggregate, 1)));
        assertTrue(handled.poll(30, java.util.concurrent.TimeUnit.SECONDS) != null, "the first event, once assigned");
        Thread.sleep(1_500); // idle: a fetch now waits at the broker
        long written = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> outbox.add(event(aggregate, 2)));
        var at = handled.poll(30, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(at != null, "the second event");
        var took = Duration.ofNanos(at - written);
        assertTrue(took.compareTo(Duration.ofMillis(TopicSetup.IDLE_FETCH_WAIT_MS - 1_500 - 1_000)) < 0,
                "handled " + took + " after it was written: the fetch's wait ran out instead");
    }

    /**
     * A patient consumer gets a burst in one poll and handles it in ONE transaction, each event once and in order; a
     * redelivered event is dropped by its dedupe row. The burst is alone on a topic of its own and on Kafka before the
     * consumer starts, so its first fetch holds all of it whatever the timing and whatever else the broker holds.
     */
    @Test
    void aBatchedConsumerHandlesABurstInOneTransactionEachOnceInOrder() throws Exception {
        var topic = newTopic();
        var burst = events(UUID.randomUUID(), 20);
        send(topic, burst);
        var attempts = new Attempts();
        for (var wrong : List.of(Duration.ZERO, Duration.ofMinutes(1))) {
            assertThrows(IllegalArgumentException.class, () -> subscriber.subscribeInBatches("outbox-test-never",
                    List.of(topic), wrong, e -> true, attempts::record));
        }
        subscriber.subscribeInBatches("outbox-test-" + UUID.randomUUID(), List.of(topic), Duration.ofMillis(300),
                e -> true, attempts::record);
        attempts.await(burst.size());
        assertEquals(ids(burst), attempts.committed(), "each once, in order");
        assertEquals(1, attempts.committedTransactions.size(), "one transaction for the burst");
        Log.infof("a burst of %d events took %d transaction(s)", burst.size(), attempts.committedTransactions.size());

        // two of them again, as a producer retry would send them, then a new event behind them on the partition
        var after = envelope(burst.getFirst().aggregateId(), 21);
        send(topic, List.of(burst.get(0), burst.get(1), after));
        attempts.await(burst.size() + 1);
        var expected = new ArrayList<>(ids(burst));
        expected.add(after.id());
        assertEquals(expected, attempts.committed(), "the redelivered events were not handled again");
    }

    /**
     * An event that fails in a batch rolls the whole batch back; its events are then handled one by one, so those
     * before it commit once, it is retried (never skipped) and those behind it wait for it. The events are alone on
     * their topic and on Kafka before the consumer starts, so the first poll holds them all.
     */
    @Test
    void aFailureInABatchRollsItBackAndItsEventsAreHandledOneByOne() throws Exception {
        var topic = newTopic();
        var events = events(UUID.randomUUID(), 6);
        send(topic, events);
        var published = ids(events);
        var poison = published.get(2);
        var failures = new java.util.concurrent.atomic.AtomicInteger(2);
        var attempts = new Attempts();
        subscriber.subscribeInBatches("outbox-test-" + UUID.randomUUID(), List.of(topic), Duration.ofMillis(300),
                e -> true, e -> {
                    attempts.record(e);
                    if (e.id().equals(poison) && failures.getAndDecrement() > 0) {
                        throw new IllegalStateException("the database blinked");
                    }
                });
        attempts.await(published.size());
        assertEquals(published, attempts.committed(), "each once, in order");
        // the batch stopped at the third and rolled back; one by one, the first two commit alone and the third fails
        // again; retried, it commits together with the rest
        var batch = attempts.all.getFirst().getKey();
        assertEquals(published.subList(0, 3), attempts.all.stream().filter(a -> a.getKey().equals(batch))
                .map(Map.Entry::getValue).toList(), "the first batch held the events up to the failing one");
        assertFalse(attempts.committedTransactions.contains(batch), "and rolled back");
        assertEquals(List.of(2L, 2L, 3L, 1L, 1L, 1L), published.stream().map(attempts::of).toList());
        assertEquals(3, attempts.committedTransactions.size());
    }

    /** A topic nothing else writes to, with its partitions ready. */
    private static String newTopic() {
        var topic = "outbox-test-" + UUID.randomUUID();
        TopicSetup.partitions(KafkaBroker.bootstrapServers(), List.of(topic));
        return topic;
    }

    /** An envelope as the relay publishes it, event {@code sequence} of {@code aggregate}. */
    private static EventEnvelope envelope(UUID aggregate, long sequence) {
        return new EventEnvelope(UUID.randomUUID(), EventTypes.InternalChat.MESSAGE_CREATED, 1, WORKSPACE, aggregate,
                sequence, Instant.now(), Actor.SYSTEM, Audience.NOBODY, EventJson.toPayload(Map.of("n", sequence)));
    }

    /** Events 1 to {@code count} of {@code aggregate}. */
    private static List<EventEnvelope> events(UUID aggregate, int count) {
        return LongStream.rangeClosed(1, count).mapToObj(sequence -> envelope(aggregate, sequence)).toList();
    }

    private static List<UUID> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::id).toList();
    }

    /** Puts {@code events} on {@code topic} keyed by their aggregate, as the relay (or a producer retry) does. */
    private static void send(String topic, List<EventEnvelope> events) throws Exception {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(),
                "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class))) {
            for (var event : events) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic,
                        event.aggregateId().toString(), EventJson.write(event))).get();
            }
        }
    }

    /** Every call of a test handler in order with its transaction, and which of those transactions committed. */
    private final class Attempts {
        final List<Map.Entry<Object, UUID>> all = new CopyOnWriteArrayList<>();
        final Set<Object> committedTransactions = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void record(EventEnvelope event) {
            var transaction = transactions.getTransactionKey();
            all.add(Map.entry(transaction, event.id()));
            Outbox.afterCommit(transactions, () -> committedTransactions.add(transaction));
        }

        /** The events whose handling committed, in the order they were handled. */
        List<UUID> committed() {
            return all.stream().filter(a -> committedTransactions.contains(a.getKey())).map(Map.Entry::getValue)
                    .toList();
        }

        long of(UUID event) {
            return all.stream().filter(a -> a.getValue().equals(event)).count();
        }

        void await(int committed) throws InterruptedException {
            var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (committed().size() < committed && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500); // anything more would come now
        }
    }

    private void awaitEmptyOutbox() {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (outboxIsEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the outbox was not emptied");
    }

    private static List<EventEnvelope> read(Set<UUID> aggregates, int atLeast) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", KafkaBroker.bootstrapServers(),
                "group.id", "outbox-test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.INTERNAL_CHAT));
            var found = new ArrayList<EventEnvelope>();
            var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var event = EventJson.read(record.value());
                    if (aggregates.contains(event.aggregateId())) {
                        assertEquals(event.aggregateId().toString(), record.key(), "record key = aggregate id");
                        found.add(event);
                    }
                }
            }
            assertTrue(found.size() >= atLeast, "expected " + atLeast + " events, got " + found);
            return found;
        }
    }

    @Test
    void aReplicaLockIsHeldByOneTransactionUntilItEnds() throws Exception {
        long key = ThreadLocalRandom.current().nextLong();
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        // another replica: a session of its own, outside this application's pool
        try (var other = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             var ask = other.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ask.setLong(1, key);
            QuarkusTransaction.requiringNew().run(() -> {
                assertTrue(replicaLock.tryTake(key));
                assertFalse(firstColumn(ask), "taken while this transaction holds it");
            });
            assertTrue(firstColumn(ask), "released when the transaction ended");
        }
    }

    @Test
    void aRelayWaitsWhileAnotherReplicaHasTheTurnAndPublishesRightAfter() throws Exception {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var other = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))) {
            other.setAutoCommit(false);
            try (var turn = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                turn.setLong(1, 0x676f667467750001L); // OutboxRelay.LOCK_KEY: the other replica's pass
                turn.executeQuery().close();
            }
            QuarkusTransaction.requiringNew().run(() -> outbox.add(event(UUID.randomUUID(), 1)));
            Thread.sleep(300);
            assertFalse(outboxIsEmpty(), "published while another replica had the turn");
            other.rollback();
            awaitEmptyOutbox();
        }
    }

    private boolean outboxIsEmpty() {
        return byIndex(connection -> {
            try (var select = connection.createStatement();
                 var rs = select.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM outbox_event)")) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private interface Work<T> {
        T on(java.sql.Connection connection) throws java.sql.SQLException;
    }

    /** Runs {@code work} in a transaction of its own with sequential scans off, so the table's count is the relay's. */
    private <T> T byIndex(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (var connection = dataSource.getConnection(); var settings = connection.createStatement()) {
                settings.execute("SELECT set_config('enable_seqscan', 'off', true)");
                return work.on(connection);
            }
        });
    }

    private static boolean firstColumn(java.sql.PreparedStatement query) {
        try (var rs = query.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
