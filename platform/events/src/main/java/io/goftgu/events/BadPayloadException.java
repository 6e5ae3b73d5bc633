package io.goftgu.events;

/**
 * An event whose payload does not have the shape its type promises (a field missing, an id that is not one). Such
 * an event can never be applied, however often it is retried; see {@code io.goftgu.projection.Projections} for what
 * a consumer does with it.
 */
public class BadPayloadException extends RuntimeException {

    public BadPayloadException(EventEnvelope event, String problem, Throwable cause) {
        super(event.type() + " " + event.id() + ": " + problem, cause);
    }
}
