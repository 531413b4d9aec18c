package io.cruddur.messaging.core.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every Java block of the README is a named snippet, and each name has its module's test. */
class ReadmeSnippetsTest {
    @Test
    void every_java_block_of_the_readme_is_a_snippet_a_test_keeps() {
        assertThat(ReadmeSnippets.inReadme()).hasSize(ReadmeSnippets.javaBlocksInReadme())
                .containsOnlyKeys("in-memory", "builder", "dynamodb-setup", "dynamodb", "postgres");
    }

    @Test
    void the_embedding_guide_shows_only_snippets_of_the_readme() {
        assertThat(ReadmeSnippets.javaBlocksIn("docs/embedding.md")).isNotEmpty()
                .allSatisfy(block -> assertThat(ReadmeSnippets.inReadme()).containsValue(block));
    }
}
