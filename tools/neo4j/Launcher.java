import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.impl.index.LuceneSettings;

/**
 * Boots the real Neo4j Community engine (org.neo4j:neo4j from Maven Central) with its Bolt
 * connector, because the server assembly is not served there. Authentication is on, as in
 * the docker-compose image; the password comes from NEO4J_PASSWORD.
 *
 * Usage: java Launcher HOME_DIR HOST PORT
 */
public final class Launcher {
  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable t) {
      // Without this the database's own threads keep a failed start alive and the start
      // script waits for a Bolt port that never opens.
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    Path home = Path.of(args.length > 0 ? args[0] : ".neo4j");
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    int port = args.length > 2 ? Integer.parseInt(args[2]) : 7687;
    String user = env("NEO4J_USER", "neo4j");
    String password = env("NEO4J_PASSWORD", "policy-kg-dev");

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
            // Neo4j merges its Lucene (full-text) segments in pairs (merge factor 2), which
            // rewrote the full-text indexes at almost every commit: a third or more of the
            // server's CPU while loading reports. 10 is Lucene's own default; docker-compose.yml
            // sets the same (docs/decisions.md).
            .setConfig(LuceneSettings.lucene_merge_factor, 10)
            // Transaction logs are kept for recovery only; Neo4j's default keeps two days of
            // them, gigabytes after a day of benchmarks on a development machine.
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "256M size")
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown));

    // The built-in user starts with password "neo4j" and must change it; set ours so
    // clients can log in, as `neo4j-admin dbms set-initial-password` would.
    var system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    boolean exists =
        system.executeTransactionally(
            "SHOW USERS YIELD user WHERE user = $u RETURN count(*) AS n",
            java.util.Map.of("u", user),
            r -> ((Number) r.next().get("n")).longValue() > 0);
    if (exists) {
      try {
        system.executeTransactionally(
            "ALTER USER " + quote(user) + " SET PASSWORD $p CHANGE NOT REQUIRED",
            java.util.Map.of("p", password));
      } catch (org.neo4j.graphdb.QueryExecutionException e) {
        // A restart on the same data: the password is already ours, which Neo4j refuses
        // to "change" to itself.
        if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
      }
    } else {
      system.executeTransactionally(
          "CREATE USER " + quote(user) + " SET PASSWORD $p CHANGE NOT REQUIRED",
          java.util.Map.of("p", password));
    }
    System.out.println("neo4j ready on bolt://" + host + ":" + port + " (user " + user + ")");
    Thread.currentThread().join();
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  private static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
