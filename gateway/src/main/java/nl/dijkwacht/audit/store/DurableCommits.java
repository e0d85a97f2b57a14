package nl.dijkwacht.audit.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The embedded H2 file store in journal mode (ADR 0010) writes the audit writer's commits about once a second, the
 * audit journal covering them meanwhile. Every other write — suspensions, legal holds, reviews, retention runs,
 * policy documents, Flyway — must stay as durable as before: written to the file when its commit returns. This wraps
 * the application's data source so that after each commit (an explicit {@code commit()}, or an update in auto-commit
 * mode) H2 writes what is committed, as {@code WRITE_DELAY=0} did. Reads pass through. The audit writer takes the
 * pool underneath ({@link #raw}); its batches are durable through the journal.
 */
public final class DurableCommits {

    private DurableCommits() {
    }

    /** True for an embedded H2 file URL (not in memory, not over TCP/SSL). */
    public static boolean isEmbeddedFileUrl(String url) {
        if (url == null) {
            return false;
        }
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:mem:") && !u.startsWith("jdbc:h2:tcp:")
                && !u.startsWith("jdbc:h2:ssl:") && !u.startsWith("jdbc:h2:zip:");
    }

    /**
     * The URL without H2's {@code WRITE_DELAY}. H2 runs a URL's settings as {@code SET} statements for every new
     * session, so each connection the pool opened later would end journal mode for the whole database;
     * {@link StoreDurability} sets {@code WRITE_DELAY 0} itself where the old mode needs it.
     */
    public static String withoutWriteDelay(String url) {
        return url == null ? null : url.replaceAll("(?i);\\s*WRITE_DELAY\\s*=[^;]*", "");
    }

    private static final java.util.regex.Pattern AUTO_COMPACT_FILL_RATE =
            java.util.regex.Pattern.compile("(?i);\\s*AUTO_COMPACT_FILL_RATE\\s*=\\s*([^;]*)");

    /**
     * The URL with {@code AUTO_COMPACT_FILL_RATE=0} added when it names none: the gateway compacts the file itself
     * ({@link EmbeddedStoreCompaction}), and H2's own background compaction in the first seconds after an open made
     * whole-store reads fail with {@code Chunk … not found} (h2store50, ADR 0010). A value the URL names is kept.
     */
    public static String withoutH2OwnCompaction(String url) {
        return url == null || AUTO_COMPACT_FILL_RATE.matcher(url).find() ? url : url + ";AUTO_COMPACT_FILL_RATE=0";
    }

    /** The {@code AUTO_COMPACT_FILL_RATE} the URL names, or null. */
    public static String autoCompactFillRate(String url) {
        java.util.regex.Matcher m = url == null ? null : AUTO_COMPACT_FILL_RATE.matcher(url);
        return m != null && m.find() ? m.group(1).trim() : null;
    }

    public static DataSource wrap(DataSource raw) {
        return (DataSource) Proxy.newProxyInstance(DurableCommits.class.getClassLoader(), new Class<?>[] {DataSource.class},
                new Handler(raw, Kind.DATA_SOURCE, null));
    }

    public static boolean isWrapped(DataSource dataSource) {
        return Proxy.isProxyClass(dataSource.getClass()) && Proxy.getInvocationHandler(dataSource) instanceof Handler;
    }

    /** The pool under the wrapper (the data source itself when it is not wrapped). */
    public static DataSource raw(DataSource dataSource) {
        return isWrapped(dataSource) ? (DataSource) ((Handler) Proxy.getInvocationHandler(dataSource)).target : dataSource;
    }

    /** Writes H2's committed state to its file (a no-op when nothing is unsaved or the store is not a file). */
    static void flush(Connection connection) throws SQLException {
        if (connection.isWrapperFor(JdbcConnection.class)
                && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && !session.getDatabase().isClosing()) {
            session.getDatabase().getStore().flush();
        }
    }

    private enum Kind { DATA_SOURCE, CONNECTION, STATEMENT }

    private record Handler(Object target, Kind kind, Connection connection) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return target;
            }
            if (name.equals("isWrapperFor") && args != null && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return true;
            }
            boolean wasAutoCommit = kind == Kind.CONNECTION && name.equals("setAutoCommit") && !((Connection) target).getAutoCommit();
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            switch (kind) {
                case DATA_SOURCE -> {
                    if (result instanceof Connection c) {
                        return proxy(Connection.class, c, Kind.CONNECTION, c);
                    }
                }
                case CONNECTION -> {
                    if (name.equals("commit") || (wasAutoCommit && Boolean.TRUE.equals(args[0]))) {
                        flush((Connection) target);
                    } else if (result instanceof CallableStatement s) {
                        return proxy(CallableStatement.class, s, Kind.STATEMENT, connection);
                    } else if (result instanceof PreparedStatement s) {
                        return proxy(PreparedStatement.class, s, Kind.STATEMENT, connection);
                    } else if (result instanceof Statement s) {
                        return proxy(Statement.class, s, Kind.STATEMENT, connection);
                    }
                }
                case STATEMENT -> {
                    if (name.startsWith("execute") && !name.equals("executeQuery") && connection.getAutoCommit()) {
                        flush(connection);
                    }
                }
            }
            return result;
        }

        private static Object proxy(Class<?> type, Object target, Kind kind, Connection connection) {
            return Proxy.newProxyInstance(DurableCommits.class.getClassLoader(), new Class<?>[] {type},
                    new Handler(target, kind, connection));
        }
    }
}
