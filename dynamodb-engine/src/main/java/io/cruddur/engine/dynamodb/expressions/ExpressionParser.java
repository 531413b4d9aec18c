package io.cruddur.engine.dynamodb.expressions;

import io.cruddur.engine.dynamodb.model.ApiException;
import io.cruddur.engine.dynamodb.model.Ordering;
import io.cruddur.engine.dynamodb.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one parser of DynamoDB's expression language: condition, filter and key condition
 * expressions, update expressions and projection expressions. It reads an expression once into a
 * tree ({@link ConditionNode}, {@link UpdateAction}, {@link DocumentPath}), replacing placeholders
 * as it goes; evaluation is left to {@link Condition}, {@link Update}, {@link Projection} and
 * {@link KeyCondition}.
 *
 * <h2>Tokens</h2>
 * <pre>
 * NAME              ::= [A-Za-z] [A-Za-z0-9_]*
 * NAME_PLACEHOLDER  ::= '#' [A-Za-z0-9_]+
 * VALUE_PLACEHOLDER ::= ':' [A-Za-z0-9_]+
 * INDEX             ::= [0-9]+
 * punctuation       ::= '(' | ')' | '[' | ']' | ',' | '.' | '=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '+' | '-'
 * </pre>
 * Spaces, tabs and line breaks separate tokens. Keywords are NAMEs, in any case. Any other
 * character is a token of its own that no rule accepts.
 *
 * <h2>Grammar</h2>
 * <pre>
 * condition      ::= or-condition &lt;EOF&gt;
 * or-condition   ::= and-condition ( OR and-condition )*
 * and-condition  ::= not-condition ( AND not-condition )*
 * not-condition  ::= NOT not-condition | primary
 * primary        ::= '(' or-condition ')'       -- unless the ')' is followed by a comparator, BETWEEN or IN
 *                  | operand comparator operand
 *                  | operand BETWEEN operand AND operand
 *                  | operand IN '(' operand ( ',' operand )* ')'
 *                  | function                   -- a function used as a condition
 * comparator     ::= '=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * operand        ::= '(' operand ')' | VALUE_PLACEHOLDER | function | path
 * function       ::= NAME '(' operand ( ',' operand )* ')'
 *
 * update         ::= clause+ &lt;EOF&gt;            -- each of SET, REMOVE, ADD, DELETE at most once, in any order
 * clause         ::= SET set-action ( ',' set-action )*
 *                  | REMOVE path ( ',' path )*
 *                  | ADD path VALUE_PLACEHOLDER ( ',' path VALUE_PLACEHOLDER )*
 *                  | DELETE path VALUE_PLACEHOLDER ( ',' path VALUE_PLACEHOLDER )*
 * set-action     ::= path '=' set-value
 * set-value      ::= set-operand ( ( '+' | '-' ) set-operand )?
 * set-operand    ::= '(' set-value ')' | VALUE_PLACEHOLDER | update-function | path
 * update-function ::= NAME '(' set-operand ( ',' set-operand )* ')'
 *
 * projection     ::= path ( ',' path )* &lt;EOF&gt;
 *
 * path           ::= path-name ( '.' path-name | '[' INDEX ']' )*
 * path-name      ::= NAME | NAME_PLACEHOLDER     -- a NAME that is not a keyword of the expression
 * </pre>
 * The keywords are {@code AND OR NOT BETWEEN IN} in conditions and {@code SET REMOVE ADD DELETE} in
 * updates.
 *
 * <h2>Checks after the syntax</h2>
 * A syntax error is reported at once, as DynamoDB reports it: the offending token and the text
 * from the token before it to the token after it. Everything else is collected while parsing and
 * the first problem of the most important kind is reported (see {@link Problem}): reserved words
 * used bare, undefined placeholders, unknown or misplaced functions, operand counts and types,
 * overlapping paths, repeated update clauses, redundant parentheses.
 */
final class ExpressionParser {
    static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2,
            "begins_with", 2, "contains", 2, "size", 1);
    static final Map<String, Integer> UPDATE_FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
    static final int MAX_IN_OPERANDS = 100;
    /** A document path reaches at most 32 levels deep, its top-level attribute included. */
    static final int MAX_NESTING_LEVELS = 32;
    /** An expression is at most 4 KB long... */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** ...and holds at most 300 operators (functions and parentheses are not counted). */
    static final int MAX_OPERATORS = 300;
    private static final String REDUNDANT_PARENTHESES = "The expression has redundant parentheses;";

    private static final Set<String> ORDERED_TYPES = Set.of("N", "S", "B");
    private static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");
    private static final Set<String> UPDATE_KEYWORDS = Set.of("SET", "REMOVE", "ADD", "DELETE");
    private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
    private static final List<String> ATTRIBUTE_TYPES =
            List.of("B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M");

    /** The kinds of problem found beyond syntax, in the order of which is reported first. */
    private enum Problem {
        REDUNDANT_PARENTHESES, NESTING_LEVELS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED_WORD, REPEATED_SECTION,
        UNDEFINED_NAME, UNDEFINED_VALUE, OVERLAPPING_PATHS, CONFLICTING_PATHS, OPERAND_COUNT,
        SAME_OPERANDS, OPERAND_TYPE
    }

    private enum Kind { NAME, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, INDEX, PUNCTUATION, UNKNOWN, EOF }

    private record Token(Kind kind, String text, int start, int end) {
    }

    private final String source;
    private final String parameterName;
    private final ExpressionContext context;
    private final Set<String> keywords;
    private final boolean updateMode;
    private final List<Token> tokens;
    private final Map<Problem, String> problems = new EnumMap<>(Problem.class);
    private final Set<Object> parenthesized = Collections.newSetFromMap(new IdentityHashMap<>());
    private int position;
    private int operators;
    private int depth;

    private ExpressionParser(String source, String parameterName, ExpressionContext context, Set<String> keywords) {
        if (source.isEmpty()) {
            throw ApiException.validation("Invalid " + parameterName + ": The expression can not be empty;");
        }
        int size = source.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EXPRESSION_BYTES) {
            throw ApiException.validation("Invalid " + parameterName
                    + ": Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
        this.source = source;
        this.parameterName = parameterName;
        this.context = context;
        this.keywords = keywords;
        this.updateMode = keywords == UPDATE_KEYWORDS;
        this.tokens = tokenize(source);
    }

    /** Parses a condition, filter or key condition expression. */
    static ConditionNode condition(String source, String parameterName, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(source, parameterName, context, CONDITION_KEYWORDS);
        ConditionNode condition = parser.orCondition();
        parser.expectEnd();
        parser.checkCondition(condition);
        parser.reportProblems();
        return condition;
    }

    /** Parses an update expression into its actions, in the order written. */
    static List<UpdateAction> update(String source, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(source, "UpdateExpression", context, UPDATE_KEYWORDS);
        List<UpdateAction> actions = parser.clauses();
        parser.checkPaths(actions.stream().map(UpdateAction::path).toList());
        parser.reportProblems();
        return actions;
    }

    /** Parses a projection expression into its paths. */
    static List<DocumentPath> projection(String source, ExpressionContext context) {
        ExpressionParser parser = new ExpressionParser(source, "ProjectionExpression", context, Set.of());
        List<DocumentPath> paths = new ArrayList<>();
        paths.add(parser.path());
        while (parser.isPunctuation(",")) {
            parser.position++;
            paths.add(parser.path());
        }
        parser.expectEnd();
        parser.checkPaths(paths);
        parser.reportProblems();
        return List.copyOf(paths);
    }

    // ---------------------------------------------------------------- tokens

    private static List<Token> tokenize(String source) {
        List<Token> tokens = new ArrayList<>();
        int length = source.length();
        int i = 0;
        while (i < length) {
            char c = source.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
                continue;
            }
            int start = i;
            Kind kind;
            if (isLetter(c)) {
                i = wordEnd(source, i + 1);
                kind = Kind.NAME;
            } else if (c == '#' || c == ':') {
                i = wordEnd(source, i + 1);
                if (i == start + 1) {
                    kind = Kind.UNKNOWN;
                } else {
                    kind = c == '#' ? Kind.NAME_PLACEHOLDER : Kind.VALUE_PLACEHOLDER;
                }
            } else if (c >= '0' && c <= '9') {
                while (i < length && source.charAt(i) >= '0' && source.charAt(i) <= '9') {
                    i++;
                }
                kind = Kind.INDEX;
            } else if (c == '<' || c == '>') {
                i++;
                if (i < length && (source.charAt(i) == '=' || (c == '<' && source.charAt(i) == '>'))) {
                    i++;
                }
                kind = Kind.PUNCTUATION;
            } else if ("()[],.=+-".indexOf(c) >= 0) {
                i++;
                kind = Kind.PUNCTUATION;
            } else {
                i += Character.charCount(source.codePointAt(i));
                kind = Kind.UNKNOWN;
            }
            tokens.add(new Token(kind, source.substring(start, i), start, i));
        }
        tokens.add(new Token(Kind.EOF, "<EOF>", length, length));
        return tokens;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int wordEnd(String source, int from) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                break;
            }
            i++;
        }
        return i;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = peek();
        if (token.kind() != Kind.EOF) {
            position++;
        }
        return token;
    }

    private boolean isPunctuation(String text) {
        return isPunctuation(peek(), text);
    }

    private static boolean isPunctuation(Token token, String text) {
        return token.kind() == Kind.PUNCTUATION && token.text().equals(text);
    }

    private boolean isKeyword(String keyword) {
        return isKeyword(peek(), keyword);
    }

    private static boolean isKeyword(Token token, String keyword) {
        return token.kind() == Kind.NAME && token.text().equalsIgnoreCase(keyword);
    }

    private boolean isAnyKeyword(Token token) {
        return token.kind() == Kind.NAME && keywords.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private void expectPunctuation(String text) {
        if (!isPunctuation(text)) {
            throw syntaxError();
        }
        position++;
    }

    /**
     * Enters parentheses or a function's arguments. With at most 300 operators, a condition's
     * parentheses more than 301 deep must hold redundant ones, and no function of the language
     * takes its own kind that deep: refusing there keeps the parser's recursion short.
     */
    private void deeper(String refusal) {
        if (++depth > MAX_OPERATORS + 1) {
            throw ApiException.validation("Invalid " + parameterName + ": " + refusal);
        }
    }

    /** Steps over an operator, counting it: past the limit the expression is refused at once, before it nests deeper. */
    private void operator() {
        position++;
        if (++operators > MAX_OPERATORS) {
            throw ApiException.validation("Invalid " + parameterName
                    + ": The expression contains too many operators; operator count: " + operators);
        }
    }

    private void expectEnd() {
        if (peek().kind() != Kind.EOF) {
            throw syntaxError();
        }
    }

    /** DynamoDB's syntax error: the token, and the text from the token before it to the token after it. */
    private ApiException syntaxError() {
        Token token = peek();
        Token before = position > 0 ? tokens.get(position - 1) : token;
        Token after = token.kind() == Kind.EOF ? token : tokens.get(position + 1);
        String near = source.substring(before.start(), after.end());
        return ApiException.validation("Invalid " + parameterName + ": Syntax error; token: \"" + token.text()
                + "\", near: \"" + near + "\"");
    }

    // ---------------------------------------------------------------- conditions

    private ConditionNode orCondition() {
        ConditionNode condition = andCondition();
        while (isKeyword("OR")) {
            operator();
            condition = new ConditionNode.Or(condition, andCondition());
        }
        return condition;
    }

    private ConditionNode andCondition() {
        ConditionNode condition = notCondition();
        while (isKeyword("AND")) {
            operator();
            condition = new ConditionNode.And(condition, notCondition());
        }
        return condition;
    }

    private ConditionNode notCondition() {
        if (isKeyword("NOT")) {
            operator();
            return new ConditionNode.Not(notCondition());
        }
        return primaryCondition();
    }

    private ConditionNode primaryCondition() {
        if (isPunctuation("(") && !parenthesesHoldAnOperand()) {
            position++;
            deeper(REDUNDANT_PARENTHESES);
            ConditionNode inner = orCondition();
            depth--;
            expectPunctuation(")");
            return markParenthesized(inner);
        }
        Operand left = operand();
        Token token = peek();
        if (token.kind() == Kind.PUNCTUATION && COMPARATORS.contains(token.text())) {
            operator();
            return new ConditionNode.Comparison(ConditionNode.Comparator.of(token.text()), left, operand());
        }
        if (isKeyword("BETWEEN")) {
            operator();
            Operand lower = operand();
            if (!isKeyword("AND")) {
                throw syntaxError();
            }
            position++;
            return new ConditionNode.Between(left, lower, operand());
        }
        if (isKeyword("IN")) {
            operator();
            expectPunctuation("(");
            List<Operand> candidates = new ArrayList<>();
            candidates.add(operand());
            while (isPunctuation(",")) {
                position++;
                candidates.add(operand());
            }
            expectPunctuation(")");
            return new ConditionNode.In(left, candidates);
        }
        if (left instanceof Operand.Call call) {
            return new ConditionNode.Function(call);
        }
        throw syntaxError();
    }

    /** Whether the parenthesis here closes before a comparator, BETWEEN or IN, so encloses an operand. */
    private boolean parenthesesHoldAnOperand() {
        int nesting = 0;
        for (int i = position; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (isPunctuation(token, "(")) {
                nesting++;
            } else if (isPunctuation(token, ")")) {
                nesting--;
                if (nesting == 0) {
                    Token after = tokens.get(i + 1);
                    return (after.kind() == Kind.PUNCTUATION && COMPARATORS.contains(after.text()))
                            || isKeyword(after, "BETWEEN") || isKeyword(after, "IN");
                }
            }
        }
        return false;
    }

    private <T> T markParenthesized(T inner) {
        if (!updateMode && !parenthesized.add(inner)) {
            problem(Problem.REDUNDANT_PARENTHESES, REDUNDANT_PARENTHESES);
        }
        return inner;
    }

    private Operand operand() {
        if (isPunctuation("(")) {
            position++;
            deeper(updateMode ? "The expression is nested too deeply;" : REDUNDANT_PARENTHESES);
            Operand inner = updateMode ? setValue() : operand();
            depth--;
            expectPunctuation(")");
            return markParenthesized(inner);
        }
        Token token = peek();
        if (token.kind() == Kind.VALUE_PLACEHOLDER) {
            position++;
            return literal(token);
        }
        if (token.kind() == Kind.NAME && isPunctuation(peek(1), "(") && !isAnyKeyword(token)) {
            return call();
        }
        return new Operand.PathOperand(path());
    }

    private Operand.Call call() {
        String name = next().text();
        expectPunctuation("(");
        deeper("The function is not allowed to be used this way in an expression; function: " + name);
        List<Operand> arguments = new ArrayList<>();
        arguments.add(operand());
        while (isPunctuation(",")) {
            position++;
            arguments.add(operand());
        }
        depth--;
        expectPunctuation(")");
        return new Operand.Call(name, arguments);
    }

    private Operand.Literal literal(Token token) {
        Value value = context.value(token.text());
        if (value == null) {
            problem(Problem.UNDEFINED_VALUE,
                    "An expression attribute value used in expression is not defined; attribute value: " + token.text());
            value = new Value.Null();
        }
        return new Operand.Literal(token.text(), value);
    }

    // ---------------------------------------------------------------- paths

    private DocumentPath path() {
        List<DocumentPath.Step> steps = new ArrayList<>();
        steps.add(new DocumentPath.Key(pathName()));
        while (true) {
            if (isPunctuation(".")) {
                position++;
                steps.add(new DocumentPath.Key(pathName()));
            } else if (isPunctuation("[")) {
                position++;
                Token index = peek();
                if (index.kind() != Kind.INDEX) {
                    throw syntaxError();
                }
                int value;
                try {
                    value = Integer.parseInt(index.text());
                } catch (NumberFormatException tooLarge) {
                    throw syntaxError();
                }
                position++;
                expectPunctuation("]");
                steps.add(new DocumentPath.Index(value));
            } else {
                if (steps.size() > MAX_NESTING_LEVELS) {
                    problem(Problem.NESTING_LEVELS, "The document path has too many nesting levels; nesting levels: " + steps.size());
                }
                return new DocumentPath(steps);
            }
        }
    }

    private String pathName() {
        Token token = peek();
        if (token.kind() == Kind.NAME && !isAnyKeyword(token)) {
            position++;
            if (ReservedWords.isReserved(token.text())) {
                problem(Problem.RESERVED_WORD,
                        "Attribute name is a reserved keyword; reserved keyword: " + token.text());
            }
            return token.text();
        }
        if (token.kind() == Kind.NAME_PLACEHOLDER) {
            position++;
            String name = context.name(token.text());
            if (name == null) {
                problem(Problem.UNDEFINED_NAME,
                        "An expression attribute name used in the document path is not defined; attribute name: "
                                + token.text());
                return token.text();
            }
            return name;
        }
        throw syntaxError();
    }

    // ---------------------------------------------------------------- updates

    private List<UpdateAction> clauses() {
        List<UpdateAction> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        do {
            Token token = peek();
            String clause = token.kind() == Kind.NAME ? token.text().toUpperCase(Locale.ROOT) : "";
            if (!UPDATE_KEYWORDS.contains(clause)) {
                throw syntaxError();
            }
            position++;
            if (!seen.add(clause)) {
                problem(Problem.REPEATED_SECTION,
                        "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            actions.add(action(clause));
            while (isPunctuation(",")) {
                position++;
                actions.add(action(clause));
            }
        } while (peek().kind() != Kind.EOF);
        return List.copyOf(actions);
    }

    private UpdateAction action(String clause) {
        DocumentPath path = path();
        switch (clause) {
            case "SET" -> {
                expectPunctuation("=");
                Operand value = setValue();
                checkUpdateOperand(value);
                return new UpdateAction.SetAction(path, value);
            }
            case "REMOVE" -> {
                return new UpdateAction.RemoveAction(path);
            }
            default -> {
                Token token = peek();
                if (token.kind() != Kind.VALUE_PLACEHOLDER) {
                    throw syntaxError();
                }
                position++;
                Value value = literal(token).value();
                checkSetOperand(clause, value);
                return clause.equals("ADD")
                        ? new UpdateAction.AddAction(path, value)
                        : new UpdateAction.DeleteAction(path, value);
            }
        }
    }

    private Operand setValue() {
        Operand left = operand();
        if (isPunctuation("+") || isPunctuation("-")) {
            boolean plus = peek().text().equals("+");
            operator();
            return new Operand.Arithmetic(left, plus, operand());
        }
        return left;
    }

    /** ADD takes a number or a set; DELETE a set. */
    private void checkSetOperand(String clause, Value value) {
        String typeName = switch (value.type()) {
            case "S" -> "STRING";
            case "N" -> clause.equals("ADD") ? null : "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "NULL" -> "NULL";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> null;
        };
        if (typeName != null) {
            problem(Problem.OPERAND_TYPE, "Incorrect operand type for operator or function; operator: " + clause
                    + ", operand type: " + typeName);
        }
    }

    private void checkUpdateOperand(Operand operand) {
        if (operand instanceof Operand.Arithmetic arithmetic) {
            for (Operand side : List.of(arithmetic.left(), arithmetic.right())) {
                checkUpdateOperand(side);
                if (side instanceof Operand.Literal literal && !(literal.value() instanceof Value.N)) {
                    incorrectOperandType(arithmetic.operator(), literal.value().type());
                }
            }
        } else if (operand instanceof Operand.Call call) {
            Integer arity = UPDATE_FUNCTIONS.get(call.name());
            if (arity == null) {
                problem(Problem.UNKNOWN_FUNCTION, CONDITION_FUNCTIONS.containsKey(call.name())
                        ? "The function is not allowed in an update expression; function: " + call.name()
                        : "Invalid function name; function: " + call.name());
                return;
            }
            call.arguments().forEach(this::checkUpdateOperand);
            if (call.arguments().size() != arity) {
                operandCount(call.name(), call.arguments().size());
                return;
            }
            if (call.name().equals("if_not_exists")) {
                if (!(call.arguments().get(0) instanceof Operand.PathOperand)) {
                    requiresPath(call.name());
                }
            } else {
                for (Operand argument : call.arguments()) {
                    if (argument instanceof Operand.Literal literal && !(literal.value() instanceof Value.L)) {
                        incorrectOperandType(call.name(), literal.value().type());
                    } else if (argument instanceof Operand.Call inner && inner.name().equals("list_append")) {
                        // DynamoDB parses list_append(list_append(...), ...) but refuses to run it.
                        misusedFunction("list_append");
                    }
                }
            }
        }
    }

    /** Two paths of one update or projection may neither overlap nor conflict. */
    private void checkPaths(List<DocumentPath> paths) {
        for (int later = 1; later < paths.size(); later++) {
            for (int earlier = 0; earlier < later; earlier++) {
                checkPair(paths.get(earlier), paths.get(later));
            }
        }
    }

    private void checkPair(DocumentPath one, DocumentPath two) {
        int common = Math.min(one.steps().size(), two.steps().size());
        for (int i = 0; i < common; i++) {
            DocumentPath.Step a = one.steps().get(i);
            DocumentPath.Step b = two.steps().get(i);
            if (a.getClass() != b.getClass()) {
                problem(Problem.CONFLICTING_PATHS, "Two document paths conflict with each other; "
                        + "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
                return;
            }
            if (!a.equals(b)) {
                return;
            }
        }
        problem(Problem.OVERLAPPING_PATHS, "Two document paths overlap with each other; "
                + "must remove or rewrite one of these paths; path one: " + one + ", path two: " + two);
    }

    // ---------------------------------------------------------------- condition checks

    private void checkCondition(ConditionNode condition) {
        if (condition instanceof ConditionNode.Comparison comparison) {
            checkComparisonOperand(comparison.left());
            checkComparisonOperand(comparison.right());
            checkDistinct(comparison.comparator().symbol(), comparison.left(), comparison.right());
            if (comparison.comparator().orders()) {
                checkOrderable(comparison.comparator().symbol(), List.of(comparison.left(), comparison.right()));
            }
        } else if (condition instanceof ConditionNode.Between between) {
            checkComparisonOperand(between.subject());
            checkComparisonOperand(between.lower());
            checkComparisonOperand(between.upper());
            checkOrderable("BETWEEN", List.of(between.subject(), between.lower(), between.upper()));
            checkBounds(between.lower(), between.upper());
        } else if (condition instanceof ConditionNode.In in) {
            checkComparisonOperand(in.subject());
            in.candidates().forEach(this::checkComparisonOperand);
            if (in.candidates().size() > MAX_IN_OPERANDS) {
                problem(Problem.OPERAND_COUNT, "The IN operator is provided with too many operands; "
                        + "number of operands: " + in.candidates().size());
            }
        } else if (condition instanceof ConditionNode.Function function) {
            if (function.call().name().equals("size")) {
                misusedFunction("size");
            } else {
                checkConditionCall(function.call());
            }
        } else if (condition instanceof ConditionNode.And and) {
            checkCondition(and.left());
            checkCondition(and.right());
        } else if (condition instanceof ConditionNode.Or or) {
            checkCondition(or.left());
            checkCondition(or.right());
        } else if (condition instanceof ConditionNode.Not not) {
            checkCondition(not.operand());
        }
    }

    /** Of the functions, only {@code size} gives a value to compare; the others are conditions. */
    private void checkComparisonOperand(Operand operand) {
        if (operand instanceof Operand.Call call) {
            if (!call.name().equals("size") && CONDITION_FUNCTIONS.containsKey(call.name())) {
                misusedFunction(call.name());
            } else {
                checkConditionCall(call);
            }
        }
    }

    private void checkConditionCall(Operand.Call call) {
        String name = call.name();
        Integer arity = CONDITION_FUNCTIONS.get(name);
        if (arity == null) {
            problem(Problem.UNKNOWN_FUNCTION, UPDATE_FUNCTIONS.containsKey(name)
                    ? "The function is not allowed in a condition expression; function: " + name
                    : "Invalid function name; function: " + name);
            return;
        }
        List<Operand> arguments = call.arguments();
        arguments.forEach(this::checkComparisonOperand);
        if (arguments.size() != arity) {
            operandCount(name, arguments.size());
            return;
        }
        if (arguments.size() == 2) {
            checkDistinct(name, arguments.get(0), arguments.get(1));
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(arguments.get(0) instanceof Operand.PathOperand)) {
                    requiresPath(name);
                }
            }
            case "attribute_type" -> {
                if (arguments.get(0) instanceof Operand.Call) {
                    requiresPath(name);
                } else if (arguments.get(1) instanceof Operand.Literal literal
                        && literal.value() instanceof Value.S type) {
                    if (!ATTRIBUTE_TYPES.contains(type.value())) {
                        problem(Problem.OPERAND_TYPE, "Invalid attribute type name found; type: " + type.value()
                                + ", valid types: {" + String.join(",", ATTRIBUTE_TYPES) + "}");
                    }
                } else {
                    String type = staticType(arguments.get(1));
                    incorrectOperandType(name, type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
                }
            }
            case "begins_with" -> {
                for (Operand argument : arguments) {
                    String type = staticType(argument);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        incorrectOperandType(name, type);
                        return;
                    }
                }
            }
            case "size" -> {
                String type = staticType(arguments.get(0));
                if (type != null && List.of("N", "BOOL", "NULL").contains(type)) {
                    incorrectOperandType(name, type);
                }
            }
            default -> {
                // contains takes any operands
            }
        }
    }

    /** The type an operand is known to have before any item is seen, or {@code null}. */
    private static String staticType(Operand operand) {
        if (operand instanceof Operand.Literal literal) {
            return literal.value().type();
        }
        if (operand instanceof Operand.Call call && CONDITION_FUNCTIONS.containsKey(call.name())) {
            return call.name().equals("size") ? "N" : "BOOL";
        }
        return null;
    }

    /** Only numbers, strings and binaries have an order: a value of another type cannot be ordered. */
    private void checkOrderable(String operator, List<Operand> operands) {
        for (Operand operand : operands) {
            if (operand instanceof Operand.Literal literal && !ORDERED_TYPES.contains(literal.value().type())) {
                incorrectOperandType(operator, literal.value().type());
                return;
            }
        }
    }

    private void checkDistinct(String operator, Operand first, Operand second) {
        if (first instanceof Operand.PathOperand a && second instanceof Operand.PathOperand b && a.equals(b)) {
            problem(Problem.SAME_OPERANDS, "The first operand must be distinct from the remaining operands for this "
                    + "operator or function; operator: " + operator + ", first operand: " + a.path());
        }
    }

    private void checkBounds(Operand lower, Operand upper) {
        if (!(lower instanceof Operand.Literal low) || !(upper instanceof Operand.Literal high)) {
            return;
        }
        String bounds = "lower bound operand: AttributeValue: {" + Values.describe(low.value())
                + "}, upper bound operand: AttributeValue: {" + Values.describe(high.value()) + "}";
        if (!low.value().type().equals(high.value().type())) {
            problem(Problem.OPERAND_TYPE,
                    "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
        } else if (Ordering.compare(low.value(), high.value()).orElse(0) > 0) {
            problem(Problem.OPERAND_TYPE,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + bounds);
        }
    }

    // ---------------------------------------------------------------- problems

    private void misusedFunction(String name) {
        problem(Problem.MISUSED_FUNCTION,
                "The function is not allowed to be used this way in an expression; function: " + name);
    }

    private void operandCount(String name, int count) {
        problem(Problem.OPERAND_COUNT, "Incorrect number of operands for operator or function; "
                + "operator or function: " + name + ", number of operands: " + count);
    }

    private void requiresPath(String name) {
        problem(Problem.OPERAND_TYPE,
                "Operator or function requires a document path; operator or function: " + name);
    }

    private void incorrectOperandType(String name, String type) {
        problem(Problem.OPERAND_TYPE, "Incorrect operand type for operator or function; "
                + "operator or function: " + name + ", operand type: " + type);
    }

    private void problem(Problem kind, String message) {
        problems.putIfAbsent(kind, message);
    }

    private void reportProblems() {
        if (!problems.isEmpty()) {
            throw ApiException.validation("Invalid " + parameterName + ": " + problems.values().iterator().next());
        }
    }
}
