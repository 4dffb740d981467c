package org.tierlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables of the fit report built from a fit folder's CSVs. */
class FitRunReportTest {
    /** "The customers with the highest CLV" lists them highest first, not in the file's order. */
    @Test
    void topCustomersAreListedHighestClvFirst() {
        Table customers = Table.create("customers").addColumns(
                StringColumn.create("customer_id", "a", "b", "c", "d"),
                DoubleColumn.create("clv", 5.0, 40.0, Double.NaN, 12.0));
        HtmlTable top = FitRunReport.topCustomers(customers);
        List<String> ids = top.rows().stream().map(row -> row.get(0).text()).toList();
        assertEquals(List.of("b", "d", "a", "c"), ids);
    }
}
