package dev.awsconnectors.testhost.aws;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The failures a test has asked for, each for the next N matching requests (any action, or one action). */
final class FailureInjector {

    private static final class Planned {
        final String action;
        final Failure failure;
        int remaining;

        Planned(int times, String action, Failure failure) {
            this.remaining = times;
            this.action = action;
            this.failure = failure;
        }
    }

    private final List<Planned> planned = new ArrayList<>();

    synchronized void add(int times, String action, Failure failure) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        planned.add(new Planned(times, action, failure));
    }

    /** The failure this request must suffer, if any; consumes one of its planned occurrences. */
    synchronized Optional<Failure> take(String action) {
        for (Iterator<Planned> it = planned.iterator(); it.hasNext(); ) {
            Planned next = it.next();
            if (next.action == null || next.action.equals(action)) {
                if (--next.remaining == 0) {
                    it.remove();
                }
                return Optional.of(next.failure);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        planned.clear();
    }
}
