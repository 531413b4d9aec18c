package io.cruddur.messaging.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's Java snippets, each kept in a test that compiles and runs it. In the README a
 * snippet is a {@code java} block right after {@code <!-- snippet: NAME -->}; in the test it is
 * the code between {@code // snippet: NAME} and {@code // end of snippet}. A test calls
 * {@link #assertSameAsReadme} with its own source file, so an edit on either side alone fails.
 */
public final class ReadmeSnippets {
    private static final Pattern README_SNIPPET =
            Pattern.compile("<!-- snippet: ([\\w-]+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n");
    private static final Pattern JAVA_BLOCK_TEXT = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private ReadmeSnippets() {
    }

    /** Every named snippet of the README, by name, in order. */
    public static Map<String, String> inReadme() {
        Map<String, String> snippets = new LinkedHashMap<>();
        Matcher snippet = README_SNIPPET.matcher(readme());
        while (snippet.find()) {
            snippets.put(snippet.group(1), snippet.group(2));
        }
        return snippets;
    }

    /** How many {@code java} blocks the README has, named or not. */
    public static int javaBlocksInReadme() {
        return (int) JAVA_BLOCK.matcher(readme()).results().count();
    }

    /** The {@code java} blocks of a document beside the README, such as {@code docs/embedding.md}. */
    public static List<String> javaBlocksIn(String document) {
        Matcher block = JAVA_BLOCK_TEXT.matcher(read(projectDirectory().resolve(document)));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /**
     * Asserts that the snippet {@code name} in {@code testSource} (a path from the module's
     * directory, where Maven runs its tests) is, once unindented, the README's snippet of that name.
     */
    public static void assertSameAsReadme(String name, String testSource) {
        assertThat(inReadme()).as("the README's snippets").containsKey(name);
        assertThat(inTest(name, Path.of(testSource))).as("snippet '%s' in %s", name, testSource)
                .isEqualTo(inReadme().get(name));
    }

    private static String inTest(String name, Path source) {
        List<String> lines = read(source).lines().toList();
        int start = lines.indexOf(lines.stream().filter(line -> line.strip().equals("// snippet: " + name))
                .findFirst().orElseThrow(() -> new AssertionError("no '// snippet: " + name + "' in " + source)));
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.strip().equals("// end of snippet")) {
                int indent = body.stream().filter(text -> !text.isBlank())
                        .mapToInt(text -> text.length() - text.stripLeading().length()).min().orElse(0);
                StringBuilder text = new StringBuilder();
                body.forEach(kept -> text.append(kept.isBlank() ? "" : kept.substring(indent)).append('\n'));
                return text.toString();
            }
            body.add(line);
        }
        throw new AssertionError("snippet '" + name + "' in " + source + " has no '// end of snippet'");
    }

    private static String readme() {
        return read(projectDirectory().resolve("README.md"));
    }

    private static Path projectDirectory() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("README.md"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
