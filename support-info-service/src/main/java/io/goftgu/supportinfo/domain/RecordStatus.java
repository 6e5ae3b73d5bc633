package io.goftgu.supportinfo.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A record's workflow. Moves allowed (staying put is always allowed):
 * <pre>
 * NEW         → OPEN, IN_PROGRESS, RESOLVED, CLOSED
 * OPEN        → IN_PROGRESS, RESOLVED, CLOSED
 * IN_PROGRESS → OPEN, RESOLVED, CLOSED
 * RESOLVED    → OPEN (reopen), CLOSED
 * CLOSED      → OPEN (reopen)
 * </pre>
 * Nothing returns to NEW: once someone has looked at a record it is no longer new.
 */
public enum RecordStatus {
    NEW, OPEN, IN_PROGRESS, RESOLVED, CLOSED;

    public Set<RecordStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, IN_PROGRESS, RESOLVED, CLOSED);
            case OPEN -> EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(OPEN, RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(RecordStatus target) {
        return target == this || next().contains(target);
    }
}
