package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.Value;
import java.util.List;

/** An operand of a condition or of a {@code SET} action, as parsed. */
sealed interface Operand permits Operand.PathOperand, Operand.Literal, Operand.Call, Operand.Arithmetic {

    /** An attribute, by its document path. */
    record PathOperand(DocumentPath path) implements Operand {
    }

    /** A value given through a placeholder. */
    record Literal(String placeholder, Value value) implements Operand {
    }

    /** A function call, by the function's name as written. */
    record Call(String name, List<Operand> arguments) implements Operand {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code left + right} or {@code left - right}, in a {@code SET} action. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
        String operator() {
            return plus ? "+" : "-";
        }
    }
}
