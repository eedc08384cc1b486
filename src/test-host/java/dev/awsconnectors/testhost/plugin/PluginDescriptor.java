package dev.awsconnectors.testhost.plugin;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of {@code atlassian-plugin.xml} that the demo host acts on, read as Jira's plugin system reads them:
 * the plugin key and {@code configure.url}, i18n resources, servlet, REST, web-resource, web-section, web-item and
 * web-item-provider modules (with the web fragments' {@code <condition>}s), velocity-allowlist modules, and the
 * Active Objects module's upgrade tasks. Other modules are ignored; nested {@code <conditions>} are refused, as the
 * demo host cannot evaluate them. Every module needs a key of its own, as in Jira ({@link ModuleKeys}).
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
        List<WebSection> webSections,
        List<WebItemProviderModule> webItemProviders,
        List<VelocityAllowlistModule> velocityAllowlists,
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

    /**
     * {@code <web-resource key>} with the complete keys of the web resources it depends on ({@code <dependency>}, in
     * their order) and its downloadable resources.
     */
    public record WebResourceModule(String key, List<String> dependencies, List<Resource> resources) {
    }

    /** {@code <resource type name location>}. */
    public record Resource(String type, String name, String location) {
    }

    /** Jira's default weight of a web fragment that names none. */
    public static final int DEFAULT_WEIGHT = 1000;

    /**
     * {@code <web-item key section weight>} with its link ({@code linkId} and URL, relative to the context path),
     * label (an i18n key, else the text given), tooltip key and conditions.
     */
    public record WebItem(String key, String section, int weight, String link, String linkId, String labelKey,
                          String labelText, String tooltipKey, List<Condition> conditions) {
    }

    /**
     * {@code <web-section key location weight>} with its conditions and whether it is lazy
     * ({@code <param name="lazy" value="true"/>}: Jira fetches a lazy dropdown section only when it is opened).
     * Its items name {@link #id()} as their section.
     */
    public record WebSection(String key, String location, int weight, boolean lazy, List<Condition> conditions) {
        /** What items name as their section: {@code <location>/<key>}. */
        public String id() {
            return location + "/" + key;
        }
    }

    /** {@code <condition class invert>} of a web fragment. */
    public record Condition(String className, boolean inverted) {
    }

    /** {@code <web-item-provider key section class>}: a class whose items Jira adds to the section. */
    public record WebItemProviderModule(String key, String section, String className) {
    }

    /**
     * {@code <velocity-allowlist key>} with its {@code <method>}s: the methods of the plugin's own classes that its
     * Velocity templates may call (Jira 10 and later block every other one), each written as Jira writes it,
     * {@code fqcn#method(param.types)}, e.g. {@code dev.awsconnectors.web.HtmlEscaper#textHtml(java.lang.Object)}.
     */
    public record VelocityAllowlistModule(String key, List<String> methods) {
    }

    /** The {@code <method>}s of every velocity-allowlist module, in the order they are written. */
    public Set<String> velocityAllowlistMethods() {
        Set<String> methods = new LinkedHashSet<>();
        velocityAllowlists.forEach(module -> methods.addAll(module.methods()));
        return Collections.unmodifiableSet(methods);
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
        ModuleKeys.check(key, children(root, null));
        Optional<String> configureUrl = Optional.empty();
        List<String> i18n = new ArrayList<>();
        List<ServletModule> servlets = new ArrayList<>();
        List<RestModule> rests = new ArrayList<>();
        List<WebResourceModule> webResources = new ArrayList<>();
        List<WebItem> webItems = new ArrayList<>();
        List<WebSection> webSections = new ArrayList<>();
        List<WebItemProviderModule> webItemProviders = new ArrayList<>();
        List<VelocityAllowlistModule> velocityAllowlists = new ArrayList<>();
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
                    webResources.add(new WebResourceModule(required(module, "key", "<web-resource>"),
                            texts(module, "dependency"), resources));
                }
                case "web-item" -> {
                    String moduleKey = required(module, "key", "<web-item>");
                    String what = "<web-item key=\"" + moduleKey + "\">";
                    Element link = children(module, "link").stream().findFirst().orElse(null);
                    Element label = children(module, "label").stream().findFirst().orElse(null);
                    Element tooltip = children(module, "tooltip").stream().findFirst().orElse(null);
                    webItems.add(new WebItem(moduleKey, module.getAttribute("section"), weight(module, what),
                            link == null ? "" : link.getTextContent().strip(),
                            link == null ? "" : link.getAttribute("linkId").strip(),
                            label == null ? null : label.getAttribute("key"),
                            label == null ? null : label.getTextContent().strip(),
                            tooltip == null ? null : tooltip.getAttribute("key"),
                            conditions(module, what)));
                }
                case "web-section" -> {
                    String moduleKey = required(module, "key", "<web-section>");
                    String what = "<web-section key=\"" + moduleKey + "\">";
                    boolean lazy = children(module, "param").stream()
                            .anyMatch(p -> "lazy".equals(p.getAttribute("name"))
                                    && "true".equalsIgnoreCase(paramValue(p)));
                    webSections.add(new WebSection(moduleKey, required(module, "location", what),
                            weight(module, what), lazy, conditions(module, what)));
                }
                case "web-item-provider" -> {
                    String moduleKey = required(module, "key", "<web-item-provider>");
                    String what = "<web-item-provider key=\"" + moduleKey + "\">";
                    webItemProviders.add(new WebItemProviderModule(moduleKey, required(module, "section", what),
                            required(module, "class", what)));
                }
                case "velocity-allowlist" -> velocityAllowlists.add(new VelocityAllowlistModule(
                        required(module, "key", "<velocity-allowlist>"), texts(module, "method")));
                case "ao" -> {
                    entities.addAll(texts(module, "entity"));
                    upgradeTasks.addAll(texts(module, "upgradeTask"));
                }
                default -> {
                    // Modules the demo host has no use for (rest-migration, web-panels, ...); their keys are checked.
                }
            }
        }
        return new PluginDescriptor(key, root.getAttribute("name"), configureUrl, List.copyOf(i18n),
                List.copyOf(servlets), List.copyOf(rests), List.copyOf(webResources), List.copyOf(webItems),
                List.copyOf(webSections), List.copyOf(webItemProviders), List.copyOf(velocityAllowlists),
                List.copyOf(entities),
                List.copyOf(upgradeTasks));
    }

    private static int weight(Element module, String what) {
        String weight = module.getAttribute("weight").strip();
        if (weight.isEmpty()) {
            return DEFAULT_WEIGHT;
        }
        try {
            return Integer.parseInt(weight);
        } catch (NumberFormatException e) {
            throw new PluginLoadException(what + " has the weight \"" + weight + "\", which is not a whole number", e);
        }
    }

    /** The {@code <condition>}s directly inside a web fragment (all must hold, as Jira ANDs them). */
    private static List<Condition> conditions(Element module, String what) {
        if (!children(module, "conditions").isEmpty()) {
            throw new PluginLoadException(what + " has <conditions>; the demo host evaluates only <condition> "
                    + "elements placed directly in the module");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Element condition : children(module, "condition")) {
            conditions.add(new Condition(required(condition, "class", what + " <condition>"),
                    "true".equalsIgnoreCase(condition.getAttribute("invert").strip())));
        }
        return List.copyOf(conditions);
    }

    /** {@code <param name value>} or {@code <param name>value</param>}, as Jira accepts both. */
    private static String paramValue(Element param) {
        return param.hasAttribute("value") ? param.getAttribute("value").strip() : param.getTextContent().strip();
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
