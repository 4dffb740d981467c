package org.tierlab.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups by a categorical attribute (industry, region, size class), alone or crossed with another model: the
 * crossed tier of a customer is "level / tier", e.g. "retail / A". Tier order: levels in the attribute's
 * order, and within a level the inner model's order.
 */
public final class AttributeModel implements TieringModel {
    private final String attribute;
    private final List<String> levels;
    private final TieringModel within;
    private final List<String> names;

    private AttributeModel(String attribute, List<String> levels, TieringModel within) {
        this.attribute = attribute;
        this.levels = List.copyOf(levels);
        this.within = within;
        List<String> n = new ArrayList<>();
        for (String level : levels) {
            if (within == null) {
                n.add(level);
            } else {
                for (String tier : within.tierNames()) {
                    n.add(level + " / " + tier);
                }
            }
        }
        this.names = List.copyOf(n);
    }

    /**
     * Groups by {@code attribute}, whose levels must be known up front so tiers can be named before any data is
     * seen; {@code within} may be {@code null}.
     */
    public static AttributeModel of(String attribute, List<String> levels, TieringModel within) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("attribute '" + attribute + "' needs at least one level");
        }
        return new AttributeModel(attribute, levels, within);
    }

    @Override
    public List<String> tierNames() {
        return names;
    }

    @Override
    public void assign(CustomerFeatures f, int[] out) {
        CustomerFeatures.Categorical c = f.categorical(attribute);
        int[] map = new int[c.levels().size()];
        for (int j = 0; j < map.length; j++) {
            map[j] = levels.indexOf(c.levels().get(j));
            if (map[j] < 0) {
                throw new IllegalArgumentException("attribute '" + attribute + "' has level '" + c.levels().get(j)
                        + "', which is not among the declared levels " + levels);
            }
        }
        int inner = within == null ? 1 : within.tierNames().size();
        int[] innerTier = new int[f.size()];
        if (within != null) {
            within.assign(f, innerTier);
        }
        for (int i = 0; i < f.size(); i++) {
            out[i] = map[c.codes()[i]] * inner + innerTier[i];
        }
    }
}
