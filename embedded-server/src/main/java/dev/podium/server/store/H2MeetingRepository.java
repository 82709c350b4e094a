package dev.podium.server.store;

import dev.podium.server.meeting.Attendee;
import dev.podium.server.meeting.AttendeeId;
import dev.podium.server.meeting.AttendeeRole;
import dev.podium.server.meeting.Capabilities;
import dev.podium.server.meeting.MediaCapability;
import dev.podium.server.meeting.Meeting;
import dev.podium.server.meeting.MeetingErrorKind;
import dev.podium.server.meeting.MeetingFeatures;
import dev.podium.server.meeting.MeetingId;
import dev.podium.server.meeting.MeetingRepository;
import dev.podium.server.meeting.MeetingServiceException;
import dev.podium.server.meeting.StoredAttendee;
import dev.podium.server.meeting.StoredState;
import dev.podium.server.meeting.TokenHash;
import dev.podium.server.meeting.VideoResolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meetings and attendees in an embedded H2 database (plain JDBC, one connection, every change
 * committed before it returns). The schema is created on open.
 */
public final class H2MeetingRepository implements MeetingRepository {
  private static final Logger log = LoggerFactory.getLogger(H2MeetingRepository.class);

  /** Version of the schema below, kept in table {@code schema_version}. */
  static final int SCHEMA_VERSION = 1;

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meetings ("
        + " meeting_id UUID PRIMARY KEY,"
        + " external_meeting_id VARCHAR(64),"
        + " media_region VARCHAR(64) NOT NULL,"
        + " primary_meeting_id UUID,"
        + " echo_reduction BOOLEAN NOT NULL,"
        + " audio_bitrate_kbps INT NOT NULL,"
        + " audio_stereo BOOLEAN NOT NULL,"
        + " video_max_resolution VARCHAR(8) NOT NULL,"
        + " content_max_resolution VARCHAR(8) NOT NULL,"
        + " attendee_max_count INT NOT NULL,"
        + " created_at TIMESTAMP NOT NULL)",
    "CREATE TABLE IF NOT EXISTS attendees ("
        + " attendee_id UUID PRIMARY KEY,"
        + " meeting_id UUID NOT NULL,"
        + " seq BIGINT NOT NULL,"
        + " external_user_id VARCHAR(64) NOT NULL,"
        + " role VARCHAR(16) NOT NULL,"
        + " audio VARCHAR(16) NOT NULL,"
        + " video VARCHAR(16) NOT NULL,"
        + " content VARCHAR(16) NOT NULL,"
        + " token_hash BINARY(32) NOT NULL,"
        + " deleted BOOLEAN NOT NULL DEFAULT FALSE)",
    "CREATE UNIQUE INDEX IF NOT EXISTS attendees_token_hash ON attendees(token_hash)",
    "CREATE INDEX IF NOT EXISTS attendees_meeting ON attendees(meeting_id)",
    "CREATE TABLE IF NOT EXISTS client_request_tokens ("
        + " token VARCHAR(64) PRIMARY KEY,"
        + " meeting_id UUID NOT NULL)",
  };

  private final Connection connection;
  private final DirectoryLock directoryLock;
  private boolean closed;

  private H2MeetingRepository(String url, DirectoryLock directoryLock) {
    this.directoryLock = directoryLock;
    try {
      this.connection = DriverManager.getConnection(url, "podium", "");
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        for (String ddl : SCHEMA) {
          statement.execute(ddl);
        }
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM schema_version")) {
          rs.next();
          if (rs.getInt(1) == 0) {
            statement.execute("INSERT INTO schema_version VALUES (" + SCHEMA_VERSION + ")");
          }
        }
      }
    } catch (SQLException e) {
      if (directoryLock != null) {
        directoryLock.release();
      }
      throw failure("open", e);
    }
  }

  /**
   * Opens (creating if needed) the database {@code podium.mv.db} in {@code dataDirectory}. H2 locks
   * the file: a second server on the same directory fails here.
   */
  public static H2MeetingRepository open(Path dataDirectory) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (java.io.IOException e) {
      throw new MeetingServiceException(
          MeetingErrorKind.UNAVAILABLE, "cannot create data directory " + dataDirectory, e);
    }
    DirectoryLock lock = DirectoryLock.acquire(dataDirectory.resolve("podium.lock"));
    Path base = dataDirectory.toAbsolutePath().resolve("podium");
    return new H2MeetingRepository("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE", lock);
  }

  /** A private in-memory database, gone when closed (for tests and throwaway embedding). */
  public static H2MeetingRepository inMemory() {
    return new H2MeetingRepository("jdbc:h2:mem:podium-" + UUID.randomUUID(), null);
  }

  @Override
  public synchronized StoredState load() {
    List<Meeting> meetings = new ArrayList<>();
    List<StoredAttendee> attendees = new ArrayList<>();
    Map<String, MeetingId> tokens = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rs =
          statement.executeQuery("SELECT * FROM meetings ORDER BY created_at, meeting_id")) {
        while (rs.next()) {
          meetings.add(readMeeting(rs));
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT * FROM attendees ORDER BY seq")) {
        while (rs.next()) {
          attendees.add(readAttendee(rs));
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT * FROM client_request_tokens")) {
        while (rs.next()) {
          tokens.put(rs.getString("token"), new MeetingId(rs.getObject("meeting_id", UUID.class)));
        }
      }
    } catch (SQLException e) {
      throw failure("load", e);
    }
    return new StoredState(meetings, attendees, tokens);
  }

  private static Meeting readMeeting(ResultSet rs) throws SQLException {
    UUID primary = rs.getObject("primary_meeting_id", UUID.class);
    MeetingFeatures features =
        new MeetingFeatures(
            rs.getBoolean("echo_reduction"),
            rs.getInt("audio_bitrate_kbps"),
            rs.getBoolean("audio_stereo"),
            VideoResolution.valueOf(rs.getString("video_max_resolution")),
            VideoResolution.valueOf(rs.getString("content_max_resolution")),
            rs.getInt("attendee_max_count"));
    return new Meeting(
        new MeetingId(rs.getObject("meeting_id", UUID.class)),
        rs.getString("external_meeting_id"),
        rs.getString("media_region"),
        primary == null ? null : new MeetingId(primary),
        features,
        rs.getTimestamp("created_at").toInstant());
  }

  private static StoredAttendee readAttendee(ResultSet rs) throws SQLException {
    Capabilities capabilities =
        new Capabilities(
            MediaCapability.valueOf(rs.getString("audio")),
            MediaCapability.valueOf(rs.getString("video")),
            MediaCapability.valueOf(rs.getString("content")));
    Attendee attendee =
        new Attendee(
            new AttendeeId(rs.getObject("attendee_id", UUID.class)),
            new MeetingId(rs.getObject("meeting_id", UUID.class)),
            rs.getString("external_user_id"),
            capabilities,
            AttendeeRole.valueOf(rs.getString("role")));
    return new StoredAttendee(
        attendee,
        rs.getLong("seq"),
        new TokenHash(rs.getBytes("token_hash")),
        rs.getBoolean("deleted"));
  }

  @Override
  public synchronized void insertMeeting(Meeting meeting, String clientRequestToken) {
    inTransaction(
        "insert meeting",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            MeetingFeatures f = meeting.features();
            ps.setObject(1, meeting.meetingId().value());
            ps.setString(2, meeting.externalMeetingId());
            ps.setString(3, meeting.mediaRegion());
            if (meeting.primaryMeetingId() == null) {
              ps.setNull(4, Types.OTHER);
            } else {
              ps.setObject(4, meeting.primaryMeetingId().value());
            }
            ps.setBoolean(5, f.echoReduction());
            ps.setInt(6, f.audioBitrateKbps());
            ps.setBoolean(7, f.audioStereo());
            ps.setString(8, f.videoMaxResolution().name());
            ps.setString(9, f.contentMaxResolution().name());
            ps.setInt(10, f.attendeeMaxCount());
            ps.setTimestamp(11, Timestamp.from(meeting.createdAt()));
            ps.executeUpdate();
          }
          if (clientRequestToken != null) {
            try (PreparedStatement ps =
                connection.prepareStatement(
                    "MERGE INTO client_request_tokens KEY (token) VALUES (?, ?)")) {
              ps.setString(1, clientRequestToken);
              ps.setObject(2, meeting.meetingId().value());
              ps.executeUpdate();
            }
          }
        });
  }

  @Override
  public synchronized void deleteMeetings(Collection<MeetingId> meetingIds) {
    inTransaction(
        "delete meetings",
        () -> {
          for (MeetingId id : meetingIds) {
            for (String sql :
                new String[] {
                  "UPDATE attendees SET deleted = TRUE WHERE meeting_id = ?",
                  "DELETE FROM client_request_tokens WHERE meeting_id = ?",
                  "DELETE FROM meetings WHERE meeting_id = ?"
                }) {
              try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setObject(1, id.value());
                ps.executeUpdate();
              }
            }
          }
        });
  }

  @Override
  public synchronized void insertAttendees(Collection<StoredAttendee> attendees) {
    inTransaction(
        "insert attendees",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO attendees VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (StoredAttendee stored : attendees) {
              Attendee a = stored.attendee();
              ps.setObject(1, a.attendeeId().value());
              ps.setObject(2, a.meetingId().value());
              ps.setLong(3, stored.sequence());
              ps.setString(4, a.externalUserId());
              ps.setString(5, a.role().name());
              ps.setString(6, a.capabilities().audio().name());
              ps.setString(7, a.capabilities().video().name());
              ps.setString(8, a.capabilities().content().name());
              ps.setBytes(9, stored.tokenHash().bytes());
              ps.setBoolean(10, stored.deleted());
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  @Override
  public synchronized void markAttendeeDeleted(AttendeeId attendeeId) {
    inTransaction(
        "delete attendee",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE attendees SET deleted = TRUE WHERE attendee_id = ?")) {
            ps.setObject(1, attendeeId.value());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public synchronized void updateCapabilities(AttendeeId attendeeId, Capabilities capabilities) {
    inTransaction(
        "update capabilities",
        () -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "UPDATE attendees SET audio = ?, video = ?, content = ? WHERE attendee_id = ?")) {
            ps.setString(1, capabilities.audio().name());
            ps.setString(2, capabilities.video().name());
            ps.setString(3, capabilities.content().name());
            ps.setObject(4, attendeeId.value());
            ps.executeUpdate();
          }
        });
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      connection.close();
    } catch (SQLException e) {
      log.warn("Closing the meeting store failed: {}", e.getMessage());
    }
    if (directoryLock != null) {
      directoryLock.release();
    }
  }

  /** One unit of JDBC work. */
  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }

  private void inTransaction(String what, SqlWork work) {
    if (closed) {
      throw new MeetingServiceException(
          MeetingErrorKind.UNAVAILABLE, "the meeting store is closed (server stopping)");
    }
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static MeetingServiceException failure(String what, SQLException e) {
    log.error("Meeting store failed to {}: {}", what, e.getMessage());
    return new MeetingServiceException(
        MeetingErrorKind.UNAVAILABLE, "the meeting store is unavailable", e);
  }
}
