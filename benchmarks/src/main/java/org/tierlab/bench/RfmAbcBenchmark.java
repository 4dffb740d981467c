package org.tierlab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.tierlab.score.AbcModel;
import org.tierlab.score.Binning;
import org.tierlab.score.CustomerFeatures;
import org.tierlab.score.RfmAbc;
import org.tierlab.score.RfmModel;
import org.tierlab.score.RfmScores;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The RFM n-tile + ABC pass three ways on the same data: tierlab's scoring core, DuckDB's SQL window
 * functions (NTILE, cumulative SUM over a window) through JDBC, and idiomatic Tablesaw (sorts and a cumulative
 * sum). Setup checks that all three give identical R, F, M scores and ABC classes and fails otherwise (see
 * {@link #crossCheck} for skipping that).
 * Compare with {@link ReadColumnsBenchmark}, the plain pass over the three input columns.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx12g"})
@State(Scope.Benchmark)
public class RfmAbcBenchmark {
    /** Customers. */
    @Param({"100000", "1000000", "10000000"})
    public int customers;

    /**
     * Whether setup checks that tierlab, DuckDB and Tablesaw agree (the default). {@code -p crossCheck=false}
     * skips loading DuckDB and Tablesaw for a run that times only tierlab's methods: at ten million customers the
     * check costs minutes per benchmark method.
     */
    @Param({"true"})
    public boolean crossCheck;

    private ScoringData data;
    private CustomerFeatures features;
    private RfmModel rfm;
    private AbcModel abc;
    private RfmAbc both;
    private RfmAbc.Result kept;
    private Connection duck;
    private Table table;

    /** Result of one pass: scores and classes indexed by customer. */
    record Tiers(byte[] r, byte[] f, byte[] m, int[] abc) {
    }

    /** Builds the data, loads what the benchmark method needs and, unless told not to, checks all agree. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws SQLException {
        data = new ScoringData(customers, 42);
        features = data.features();
        rfm = RfmModel.of(5, new Binning.EqualCount(), null);
        abc = AbcModel.of(CustomerFeatures.MONETARY, new double[] {0.8, 0.15, 0.05}, null);
        both = RfmAbc.of(rfm, abc);
        String method = params.getBenchmark();
        if (crossCheck || method.endsWith(".duckdb")) {
            loadDuckDb();
        }
        if (crossCheck || method.endsWith(".tablesaw")) {
            table = Table.create("c", IntColumn.create("id", range(customers)),
                    DoubleColumn.create("recency", data.recency), DoubleColumn.create("frequency", data.frequency),
                    DoubleColumn.create("monetary", data.monetary));
        }
        kept = RfmAbc.Result.of(customers);
        Tiers t = tierlab();
        same("tierlab with the models apart", t, tierlabApart());
        same("tierlab into kept arrays", t, tierlabInto());
        if (crossCheck) {
            same("DuckDB", t, duckdb());
            same("Tablesaw", t, tablesaw());
        }
    }

    private void loadDuckDb() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE c (id INTEGER, recency DOUBLE, frequency DOUBLE, monetary DOUBLE)");
        }
        try (DuckDBAppender app = ((DuckDBConnection) duck).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "c")) {
            for (int i = 0; i < customers; i++) {
                app.beginRow();
                app.append(i);
                app.append(data.recency[i]);
                app.append(data.frequency[i]);
                app.append(data.monetary[i]);
                app.endRow();
            }
        }
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void same(String who, Tiers a, Tiers b) {
        if (!Arrays.equals(a.r, b.r) || !Arrays.equals(a.f, b.f) || !Arrays.equals(a.m, b.m)
                || !Arrays.equals(a.abc, b.abc)) {
            throw new IllegalStateException(who + " disagrees with tierlab: r " + Arrays.equals(a.r, b.r) + ", f "
                    + Arrays.equals(a.f, b.f) + ", m " + Arrays.equals(a.m, b.m) + ", abc " + Arrays.equals(a.abc, b.abc));
        }
    }

    /** Closes DuckDB. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        if (duck != null) {
            duck.close();
        }
    }

    /** tierlab: RFM n-tile scores and ABC classes together ({@link RfmAbc}: two passes over the three columns). */
    @Benchmark
    public Tiers tierlab() {
        RfmAbc.Result result = both.score(features);
        RfmScores s = result.scores();
        return new Tiers(s.r(), s.f(), s.m(), result.classes());
    }

    /**
     * tierlab as a caller that scores again and again uses it: the same, into arrays kept between calls, so no
     * call allocates and zeroes the 70 MB of results at ten million customers.
     */
    @Benchmark
    public Tiers tierlabInto() {
        both.score(features, kept);
        RfmScores s = kept.scores();
        return new Tiers(s.r(), s.f(), s.m(), kept.classes());
    }

    /** tierlab with the two models run one after the other, as before {@link RfmAbc}: the fused passes' gain. */
    @Benchmark
    public Tiers tierlabApart() {
        RfmScores s = rfm.scores(features);
        int[] classes = new int[customers];
        abc.assign(features, classes);
        return new Tiers(s.r(), s.f(), s.m(), classes);
    }

    /**
     * DuckDB: the same with NTILE, and for ABC a cumulative SUM over a window on the money's distinct values (the
     * value of every customer who spends more, ties sharing a class), joined back; results read into arrays. The
     * ABC part as one window over all customers (a cumulative SUM with RANGE, less the sum over the customer's
     * PARTITION BY money) gives the same classes and took 10 to 14 s against 7 s at ten million customers.
     */
    @Benchmark
    public Tiers duckdb() throws SQLException {
        String sql = """
                WITH t AS (SELECT SUM(monetary) * (1 - 1e-12) AS total FROM c),
                v AS (SELECT monetary, SUM(SUM(monetary)) OVER (ORDER BY monetary DESC) - SUM(monetary) AS share_before
                      FROM c GROUP BY monetary),
                s AS (
                  SELECT id, monetary,
                    NTILE(5) OVER (ORDER BY recency DESC, id) AS r,
                    NTILE(5) OVER (ORDER BY frequency, id) AS f,
                    NTILE(5) OVER (ORDER BY monetary, id) AS m
                  FROM c)
                SELECT s.id, s.r, s.f, s.m,
                  CASE WHEN v.share_before < 0.8 * t.total THEN 0 WHEN v.share_before < 0.95 * t.total THEN 1 ELSE 2 END
                FROM s JOIN v USING (monetary), t
                """;
        byte[] r = new byte[customers];
        byte[] f = new byte[customers];
        byte[] m = new byte[customers];
        int[] a = new int[customers];
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int id = rs.getInt(1);
                r[id] = (byte) rs.getInt(2);
                f[id] = (byte) rs.getInt(3);
                m[id] = (byte) rs.getInt(4);
                a[id] = rs.getInt(5);
            }
        }
        return new Tiers(r, f, m, a);
    }

    /** Idiomatic Tablesaw: sort for each n-tile, sort and cumulative sum for ABC. */
    @Benchmark
    public Tiers tablesaw() {
        byte[] r = ntile(table.sortOn("-recency", "id"));
        byte[] f = ntile(table.sortOn("frequency", "id"));
        byte[] m = ntile(table.sortOn("monetary", "id"));
        Table byValue = table.sortDescendingOn("monetary");
        DoubleColumn value = byValue.doubleColumn("monetary");
        DoubleColumn cumulative = value.cumSum();
        double total = cumulative.get(cumulative.size() - 1) * (1 - 1e-12);
        IntColumn ids = byValue.intColumn("id");
        int[] a = new int[customers];
        double groupStart = 0;
        for (int row = 0; row < byValue.rowCount(); row++) {
            double v = value.getDouble(row);
            if (row == 0 || v != value.getDouble(row - 1)) {
                groupStart = row == 0 ? 0 : cumulative.getDouble(row - 1);
            }
            a[ids.getInt(row)] = groupStart < 0.8 * total ? 0 : groupStart < 0.95 * total ? 1 : 2;
        }
        return new Tiers(r, f, m, a);
    }

    private byte[] ntile(Table sorted) {
        IntColumn ids = sorted.intColumn("id");
        byte[] out = new byte[customers];
        // SQL's NTILE(5): tiles filled in rank order, the first customers % 5 holding one customer more
        int rank = 0;
        for (int tile = 1; tile <= 5; tile++) {
            int size = customers / 5 + (tile <= customers % 5 ? 1 : 0);
            for (int k = 0; k < size; k++, rank++) {
                out[ids.getInt(rank)] = (byte) tile;
            }
        }
        return out;
    }
}
