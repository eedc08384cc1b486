package dev.awsconnectors.testhost.aws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every request the double received, in arrival order, for tests to inspect. */
final class Recorder {

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    void record(RecordedRequest request) {
        requests.add(request);
    }

    /** An immutable snapshot. */
    List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }
}
