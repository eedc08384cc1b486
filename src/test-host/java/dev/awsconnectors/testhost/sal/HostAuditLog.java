package dev.awsconnectors.testhost.sal;

import com.atlassian.audit.api.AuditService;
import com.atlassian.audit.entity.AuditAttribute;
import com.atlassian.audit.entity.AuditEvent;
import com.atlassian.audit.entity.AuditResource;
import com.atlassian.audit.entity.ChangedValue;
import com.atlassian.audit.entity.CoverageArea;
import com.atlassian.audit.entity.CoverageLevel;
import com.atlassian.sal.api.user.UserProfile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Jira's audit log for the demo host: every event is kept in memory ({@link #events()}) and appended as one JSON
 * line to {@code <home>/audit.log} with the time and the acting user, as Jira's audit log records them. The file
 * is shared by the nodes of a Data Center rehearsal; {@link #readLog()} reads every node's events back.
 *
 * <p>An event costs the same however many came before it, as in Jira, so that the demo's figures are the app's: the
 * file is opened once, on the first event, and stays open for appending until {@link #close()}; the events kept in
 * memory are the latest {@value #EVENTS_KEPT_IN_MEMORY}, added without copying the others (the file keeps all).
 */
public final class HostAuditLog implements AuditService, AutoCloseable {
    public static final String FILE_NAME = "audit.log";
    /** How many of the latest events {@link #events()} keeps, so that a long demo or benchmark run stays bounded. */
    public static final int EVENTS_KEPT_IN_MEMORY = 100_000;

    private final Path file;
    private final HostUsers users;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Deque<AuditEvent> events = new ArrayDeque<>();
    private FileChannel appending;
    private volatile boolean refusing;

    public HostAuditLog(Path home, HostUsers users, Clock clock) {
        this.file = Objects.requireNonNull(home, "home").resolve(FILE_NAME);
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void audit(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (refusing) {
            throw new IllegalStateException("The audit log is not available");
        }
        UserProfile author = users.getRemoteUser();
        ObjectNode line = toJson(event);
        line.put("timestamp", clock.instant().toString());
        line.put("author", author == null ? null : author.getUsername());
        byte[] bytes;
        try {
            bytes = (json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit event as JSON", e);
        }
        synchronized (events) {
            append(bytes);
            events.addLast(event);
            if (events.size() > EVENTS_KEPT_IN_MEMORY) {
                events.removeFirst();
            }
        }
    }

    /**
     * One write of the whole line to a file opened for appending: lines of two nodes (two processes, each with the
     * file open) never interleave within a line.
     */
    private void append(byte[] line) {
        try {
            if (appending == null || !appending.isOpen()) {
                appending = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            }
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                appending.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit log " + file, e);
        }
    }

    /** Closes the file; a later event opens it again. */
    @Override
    public void close() {
        synchronized (events) {
            if (appending == null) {
                return;
            }
            try {
                appending.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the audit log " + file, e);
            } finally {
                appending = null;
            }
        }
    }

    /**
     * For tests: from now on refuse every event (as a full disk or a lost audit database would), keeping none, or
     * take them again.
     */
    public void refuseEvents(boolean refuse) {
        this.refusing = refuse;
    }

    /** The events audited through this instance (the latest {@value #EVENTS_KEPT_IN_MEMORY}), oldest first. */
    public List<AuditEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Every event in {@code audit.log} (all nodes, all starts), oldest first. */
    public List<AuditEvent> readLog() {
        List<AuditEvent> read = new ArrayList<>();
        for (JsonNode line : readLogAsJson()) {
            read.add(fromJson(line));
        }
        return read;
    }

    /** The lines of {@code audit.log} as JSON objects, with {@code timestamp} and {@code author}. */
    public ArrayNode readLogAsJson() {
        ArrayNode lines = json.createArrayNode();
        if (!Files.exists(file)) {
            return lines;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit log " + file, e);
        }
        return lines;
    }

    public Path file() {
        return file;
    }

    private ObjectNode toJson(AuditEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("category", event.getCategoryI18nKey());
        node.put("action", event.getActionI18nKey());
        node.put("level", event.getLevel().name());
        node.put("area", event.getArea() == null ? null : event.getArea().name());
        ArrayNode affected = node.putArray("affectedObjects");
        for (AuditResource resource : event.getAffectedObjects()) {
            affected.addObject().put("name", resource.getName()).put("type", resource.getType())
                    .put("uri", resource.getUri()).put("id", resource.getId());
        }
        ArrayNode changed = node.putArray("changedValues");
        for (ChangedValue value : event.getChangedValues()) {
            changed.addObject().put("i18nKey", value.getI18nKey()).put("key", value.getKey())
                    .put("from", value.getFrom()).put("to", value.getTo());
        }
        ArrayNode attributes = node.putArray("extraAttributes");
        for (AuditAttribute attribute : event.getExtraAttributes()) {
            attributes.addObject().put("nameI18nKey", attribute.getNameI18nKey()).put("name", attribute.getName())
                    .put("value", attribute.getValue());
        }
        return node;
    }

    private static AuditEvent fromJson(JsonNode node) {
        String area = text(node, "area");
        AuditEvent.Builder builder = area == null
                ? AuditEvent.fromI18nKeys(text(node, "category"), text(node, "action"),
                        CoverageLevel.valueOf(text(node, "level")))
                : AuditEvent.fromI18nKeys(text(node, "category"), text(node, "action"),
                        CoverageLevel.valueOf(text(node, "level")), CoverageArea.valueOf(area));
        for (JsonNode resource : node.path("affectedObjects")) {
            builder.affectedObject(AuditResource.builder(text(resource, "name"), text(resource, "type"))
                    .uri(text(resource, "uri")).id(text(resource, "id")).build());
        }
        for (JsonNode value : node.path("changedValues")) {
            builder.changedValue(ChangedValue.fromI18nKeys(text(value, "i18nKey"))
                    .withKeyTranslation(text(value, "key")).from(text(value, "from")).to(text(value, "to")).build());
        }
        for (JsonNode attribute : node.path("extraAttributes")) {
            builder.extraAttribute(AuditAttribute.fromI18nKeys(text(attribute, "nameI18nKey"),
                    text(attribute, "value")).withNameTranslation(text(attribute, "name")).build());
        }
        return builder.build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** For tests and the JSON endpoint: the JSON text of the whole log. */
    public String readLogAsJsonText() {
        try {
            return json.writeValueAsString(readLogAsJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
