package dev.awsconnectors.web;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PluginResourcesTest {
    private static final String SERVLET_PREFIX = "/plugins/servlet";

    @Test
    void thePluginKeyIsTheOneThePomGivesTheBundle() throws Exception {
        Matcher key = Pattern.compile("<atlassian\\.plugin\\.key>([^<]+)</atlassian\\.plugin\\.key>")
                .matcher(Files.readString(Path.of("pom.xml")));

        assertThat(key.find()).isTrue();
        assertThat(PluginResources.PLUGIN_KEY).isEqualTo(key.group(1));
    }

    @Test
    void theWebResourcesAreDeclaredInTheDescriptorUnderThePluginKey() throws Exception {
        List<String> webResources = new ArrayList<>();
        for (Element element : elements(descriptor(), "web-resource")) {
            webResources.add(PluginResources.PLUGIN_KEY + ":" + element.getAttribute("key"));
        }

        assertThat(webResources).contains(PluginResources.ADMIN_WEB_RESOURCE, PluginResources.USER_WEB_RESOURCE);
    }

    @Test
    void thePagePathsAreServedByTheDescriptorsServlets() throws Exception {
        List<String> patterns = new ArrayList<>();
        for (Element element : elements(descriptor(), "url-pattern")) {
            patterns.add(SERVLET_PREFIX + element.getTextContent().trim());
        }

        assertThat(patterns).contains(PluginResources.MY_CONNECTORS_PATH);
        assertThat(patterns).anyMatch(pattern -> pattern.startsWith(PluginResources.ADMIN_PAGES_PATH + "/"));
    }

    private static Document descriptor() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Path.of("atlassian-plugin.xml").toFile());
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagName(name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
