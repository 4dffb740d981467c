package org.tierlab.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tierlab.scenario.Population;
import org.tierlab.scenario.Segment;

/**
 * The categorical attributes of a population (industry, region, size...): the union of the attributes declared
 * by its segments, each with the union of their levels, so one code means one level across segments. A segment
 * that does not declare an attribute gives its people the level {@code unknown}.
 */
public final class AttributeCatalog {
    private final List<String> names;
    private final List<List<String>> levels;
    /** [attribute][segment]: shares of the segment's levels. */
    private final double[][][] shares;
    /** [attribute][segment][segment level]: the global level code. */
    private final int[][][] codes;

    private AttributeCatalog(Population pop) {
        Set<String> nameSet = new LinkedHashSet<>();
        for (Segment s : pop.segments()) {
            for (Segment.Attribute a : s.attributes()) {
                nameSet.add(a.name());
            }
        }
        names = List.copyOf(nameSet);
        int segs = pop.segments().size();
        levels = new ArrayList<>();
        shares = new double[names.size()][segs][];
        codes = new int[names.size()][segs][];
        for (int a = 0; a < names.size(); a++) {
            List<String> lv = new ArrayList<>();
            for (int s = 0; s < segs; s++) {
                Segment.Attribute attr = find(pop.segments().get(s), names.get(a));
                List<String> segLevels = attr == null ? List.of("unknown") : attr.levels();
                shares[a][s] = attr == null ? new double[] {1} : attr.shares();
                codes[a][s] = new int[segLevels.size()];
                for (int l = 0; l < segLevels.size(); l++) {
                    int code = lv.indexOf(segLevels.get(l));
                    if (code < 0) {
                        lv.add(segLevels.get(l));
                        code = lv.size() - 1;
                    }
                    codes[a][s][l] = code;
                }
            }
            levels.add(List.copyOf(lv));
        }
    }

    /** The catalogue of a population. */
    public static AttributeCatalog of(Population pop) {
        return new AttributeCatalog(pop);
    }

    /** Attribute names in first-declared order. */
    public List<String> names() {
        return names;
    }

    /** Level names of attribute {@code a}; codes index into this list. */
    public List<String> levels(int a) {
        return levels.get(a);
    }

    /** A level code of attribute {@code a} for a person of segment {@code segment}, from uniform {@code u}. */
    int draw(int a, int segment, double u) {
        return codes[a][segment][Customers.pick(shares[a][segment], u)];
    }

    private static Segment.Attribute find(Segment s, String name) {
        for (Segment.Attribute a : s.attributes()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
