package dev.awsconnectors.testhost.sal;

import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostAuditLogTest {
    @TempDir
    Path home;

    private final HostUsers users = new HostUsers().add("admin", true, false);

    @Test
    void appendsEveryEventToTheFileItOpenedOnceUntilItIsClosed() throws Exception {
        try (HostAuditLog audit = new HostAuditLog(home, users, Clock.systemUTC())) {
            audit.audit(event(1));
            // A file reopened per event would start a new audit.log here; the one held open keeps growing.
            Path moved = Files.move(audit.file(), home.resolve("audit.log.moved"));
            audit.audit(event(2));
            audit.audit(event(3));

            assertThat(Files.readAllLines(moved)).hasSize(3).last().asString().contains("\"id\":\"c-3\"");
            assertThat(audit.file()).doesNotExist();

            audit.close();
            audit.audit(event(4));

            assertThat(Files.readAllLines(audit.file())).as("after close, the next event opens the file again")
                    .singleElement().asString().contains("\"id\":\"c-4\"");
            assertThat(audit.events()).hasSize(4);
        }
    }

    @Test
    void keepsANewEventWithoutCopyingTheThousandsBeforeIt() {
        try (HostAuditLog audit = new HostAuditLog(home, users, Clock.systemUTC())) {
            audit(audit, 1_000);
            long early = bytesAllocatedAuditing(audit, 200);
            audit(audit, 20_000);
            long late = bytesAllocatedAuditing(audit, 200);

            // Copying 21,000 references per event would allocate 80 KB or more each time, many times an event's own cost.
            assertThat(late).as("bytes allocated by 200 events after 21,000, against 200 after 1,000")
                    .isLessThan(2 * early);
            assertThat(audit.events()).hasSize(21_400).last().isEqualTo(event(200));
            assertThat(audit.readLog()).hasSize(21_400);
        }
    }

    @Test
    void refusesEventsWhenToldToAndKeepsNoneOfThem() throws Exception {
        try (HostAuditLog audit = new HostAuditLog(home, users, Clock.systemUTC())) {
            audit.audit(event(1));
            audit.refuseEvents(true);

            assertThatThrownBy(() -> audit.audit(event(2))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("The audit log is not available");

            audit.refuseEvents(false);
            audit.audit(event(3));
            assertThat(audit.events()).containsExactly(event(1), event(3));
            assertThat(Files.readAllLines(audit.file())).hasSize(2);
        }
    }

    private static void audit(HostAuditLog audit, int count) {
        for (int i = 1; i <= count; i++) {
            audit.audit(event(i));
        }
    }

    private static long bytesAllocatedAuditing(HostAuditLog audit, int count) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        audit(audit, count);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static AuditEvent event(int number) {
        return AuditEvent.fromI18nKeys("awsc.audit.category", "awsc.audit.credentials.issued", CoverageLevel.BASE,
                        CoverageArea.END_USER_ACTIVITY)
                .affectedObject(AuditResource.builder("Developers", "connector").id("c-" + number).build())
                .build();
    }
}
