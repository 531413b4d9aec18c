package io.cruddur.messaging.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The BOM an embedder imports names every library module, at the versions this build uses. */
class BomTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void the_bom_pins_every_library_module_and_the_builds_own_third_party_versions() throws Exception {
        Document build = parse(ROOT.resolve("pom.xml"));
        Document bom = parse(ROOT.resolve("bom/pom.xml"));

        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(build.getDocumentElement(), "version"));
        Map<String, String> buildVersions = properties(build);
        assertThat(properties(bom)).allSatisfy((name, version) ->
                assertThat(buildVersions).as("the build's %s", name).containsEntry(name, version));
        List<String> libraries = texts(build, "module").stream()
                .filter(module -> module.equals("core") || module.startsWith("adapters-")).toList();
        assertThat(libraries).contains("core", "adapters-inmemory", "adapters-postgres", "adapters-dynamodb");
        assertThat(texts(bom, "artifactId")).containsAll(libraries);
    }

    private static Document parse(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList sections = pom.getDocumentElement().getElementsByTagName("properties");
        for (int i = 0; i < sections.getLength(); i++) {
            NodeList entries = sections.item(i).getChildNodes();
            for (int j = 0; j < entries.getLength(); j++) {
                if (entries.item(j).getNodeType() == Node.ELEMENT_NODE) {
                    properties.put(entries.item(j).getNodeName(), entries.item(j).getTextContent().strip());
                }
            }
        }
        return properties;
    }

    private static List<String> texts(Document pom, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    private static String child(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().strip();
            }
        }
        throw new AssertionError("no <" + tag + "> in the POM");
    }
}
