package dev.awsconnectors.testhost.plugin;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of {@code atlassian-plugin.xml} that the demo host acts on, read as Jira's plugin system reads them:
 * the plugin key and {@code configure.url}, i18n resources, servlet, REST, web-resource and web-item modules, and
 * the Active Objects module's upgrade tasks. Other modules are ignored.
 */
public record PluginDescriptor(
        String pluginKey,
        String name,
        Optional<String> configureUrl,
        List<String> i18nLocations,
        List<ServletModule> servlets,
        List<RestModule> restModules,
        List<WebResourceModule> webResources,
        List<WebItem> webItems,
        List<String> aoEntities,
        List<String> aoUpgradeTasks) {

    /** {@code <servlet key class>} with its {@code <url-pattern>}s (relative to {@code /plugins/servlet}). */
    public record ServletModule(String key, String name, String className, List<String> urlPatterns) {
    }

    /** {@code <rest key path version>} with the {@code <package>}s whose resources it serves. */
    public record RestModule(String key, String path, String version, List<String> packages) {
        /** Where Jira mounts it: {@code /rest/<path>/<version>}. */
        public String mountPath() {
            String trimmed = path.startsWith("/") ? path : "/" + path;
            return "/rest" + (trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    + "/" + version;
        }
    }

    /** {@code <web-resource key>} with its downloadable resources. */
    public record WebResourceModule(String key, List<Resource> resources) {
    }

    /** {@code <resource type name location>}. */
    public record Resource(String type, String name, String location) {
    }

    /** {@code <web-item key section>} with its link and label (an i18n key, else the text given). */
    public record WebItem(String key, String section, String link, String labelKey, String labelText) {
    }

    /**
     * Reads a descriptor from the class loader.
     *
     * @throws PluginLoadException when it is missing or not well-formed, or a module lacks a required attribute
     */
    public static PluginDescriptor read(ClassLoader classLoader, String resourceName) {
        Document document;
        try (InputStream in = classLoader.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new PluginLoadException("No plugin descriptor " + resourceName + " on the class path");
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (PluginLoadException e) {
            throw e;
        } catch (Exception e) {
            throw new PluginLoadException("The plugin descriptor " + resourceName + " cannot be read: "
                    + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        String key = required(root, "key", "<atlassian-plugin>");
        Optional<String> configureUrl = Optional.empty();
        List<String> i18n = new ArrayList<>();
        List<ServletModule> servlets = new ArrayList<>();
        List<RestModule> rests = new ArrayList<>();
        List<WebResourceModule> webResources = new ArrayList<>();
        List<WebItem> webItems = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        List<String> upgradeTasks = new ArrayList<>();
        for (Element module : children(root, null)) {
            switch (module.getTagName()) {
                case "plugin-info" -> {
                    for (Element param : children(module, "param")) {
                        if ("configure.url".equals(param.getAttribute("name"))) {
                            configureUrl = Optional.of(param.getTextContent().strip());
                        }
                    }
                }
                case "resource" -> {
                    if ("i18n".equals(module.getAttribute("type"))) {
                        i18n.add(required(module, "location", "<resource type=\"i18n\">"));
                    }
                }
                case "servlet" -> {
                    String moduleKey = required(module, "key", "<servlet>");
                    String what = "<servlet key=\"" + moduleKey + "\">";
                    servlets.add(new ServletModule(moduleKey, module.getAttribute("name"),
                            required(module, "class", what), texts(module, "url-pattern")));
                }
                case "rest" -> {
                    String moduleKey = required(module, "key", "<rest>");
                    String what = "<rest key=\"" + moduleKey + "\">";
                    rests.add(new RestModule(moduleKey, required(module, "path", what),
                            required(module, "version", what), texts(module, "package")));
                }
                case "web-resource" -> {
                    List<Resource> resources = new ArrayList<>();
                    for (Element resource : children(module, "resource")) {
                        resources.add(new Resource(resource.getAttribute("type"), resource.getAttribute("name"),
                                resource.getAttribute("location")));
                    }
                    webResources.add(new WebResourceModule(required(module, "key", "<web-resource>"), resources));
                }
                case "web-item" -> {
                    List<String> links = texts(module, "link");
                    Element label = children(module, "label").stream().findFirst().orElse(null);
                    webItems.add(new WebItem(required(module, "key", "<web-item>"), module.getAttribute("section"),
                            links.isEmpty() ? "" : links.get(0),
                            label == null ? null : label.getAttribute("key"),
                            label == null ? null : label.getTextContent().strip()));
                }
                case "ao" -> {
                    entities.addAll(texts(module, "entity"));
                    upgradeTasks.addAll(texts(module, "upgradeTask"));
                }
                default -> {
                    // Modules the demo host has no use for (rest-migration, web-panels, ...).
                }
            }
        }
        return new PluginDescriptor(key, root.getAttribute("name"), configureUrl, List.copyOf(i18n),
                List.copyOf(servlets), List.copyOf(rests), List.copyOf(webResources), List.copyOf(webItems),
                List.copyOf(entities), List.copyOf(upgradeTasks));
    }

    private static String required(Element element, String attribute, String what) {
        String value = element.getAttribute(attribute).strip();
        if (value.isEmpty()) {
            throw new PluginLoadException(what + " has no " + attribute + " attribute");
        }
        return value;
    }

    private static List<String> texts(Element parent, String tag) {
        return children(parent, tag).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && (tag == null || tag.equals(element.getTagName()))) {
                elements.add(element);
            }
        }
        return elements;
    }
}
