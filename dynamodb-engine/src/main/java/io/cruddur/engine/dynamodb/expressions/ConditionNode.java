package io.cruddur.engine.dynamodb.expressions;

import java.util.List;

/** A condition as parsed: a comparison, {@code BETWEEN}, {@code IN}, a function, or a logical combination. */
sealed interface ConditionNode permits ConditionNode.Comparison, ConditionNode.Between, ConditionNode.In,
        ConditionNode.Function, ConditionNode.And, ConditionNode.Or, ConditionNode.Not {

    /** The six comparators, with the symbol each is written with. */
    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        /** Whether it compares by order, which only numbers, strings and binaries have. */
        boolean orders() {
            return this != EQ && this != NE;
        }

        static Comparator of(String symbol) {
            for (Comparator comparator : values()) {
                if (comparator.symbol.equals(symbol)) {
                    return comparator;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** {@code left comparator right}. */
    record Comparison(Comparator comparator, Operand left, Operand right) implements ConditionNode {
    }

    /** {@code subject BETWEEN lower AND upper}. */
    record Between(Operand subject, Operand lower, Operand upper) implements ConditionNode {
    }

    /** {@code subject IN (candidate, ...)}. */
    record In(Operand subject, List<Operand> candidates) implements ConditionNode {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** A function used as a condition, such as {@code attribute_exists(a)}. */
    record Function(Operand.Call call) implements ConditionNode {
    }

    /** Both conditions. */
    record And(ConditionNode left, ConditionNode right) implements ConditionNode {
    }

    /** Either condition. */
    record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
    }

    /** The opposite of a condition. */
    record Not(ConditionNode operand) implements ConditionNode {
    }
}
