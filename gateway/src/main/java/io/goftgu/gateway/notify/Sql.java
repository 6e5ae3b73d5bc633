package io.goftgu.gateway.notify;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Thin JDBC helpers: the notifier's tables are plain rows with upserts, which JPA would only obscure. */
final class Sql {

    private Sql() {
    }

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static <T> Optional<T> one(DataSource dataSource, String sql, Row<T> row, Object... args) {
        var all = list(dataSource, sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.getFirst());
    }

    static <T> List<T> list(DataSource dataSource, String sql, Row<T> row, Object... args) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (var rs = statement.executeQuery()) {
                var out = new ArrayList<T>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("notify: query failed: " + e.getMessage(), e);
        }
    }

    static int update(DataSource dataSource, String sql, Object... args) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("notify: update failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
