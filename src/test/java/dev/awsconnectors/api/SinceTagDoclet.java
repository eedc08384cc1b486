package dev.awsconnectors.api;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import jdk.javadoc.doclet.Doclet;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Reporter;

import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import java.util.Locale;
import java.util.Set;

/**
 * A doclet that reports, as errors, every public or protected type, constructor, method, field and enum constant
 * of the documented sources that lacks Javadoc with an {@code @since} tag.
 */
public final class SinceTagDoclet implements Doclet {
    private Reporter reporter;

    @Override
    public void init(Locale locale, Reporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public String getName() {
        return "since-tag";
    }

    @Override
    public Set<? extends Option> getSupportedOptions() {
        return Set.of();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latest();
    }

    @Override
    public boolean run(DocletEnvironment environment) {
        boolean complete = true;
        for (TypeElement type : ElementFilter.typesIn(environment.getIncludedElements())) {
            complete &= check(environment, type);
            for (Element member : type.getEnclosedElements()) {
                if (isApi(member) && !isGenerated(environment, member)) {
                    complete &= check(environment, member);
                }
            }
        }
        return complete;
    }

    private boolean check(DocletEnvironment environment, Element element) {
        DocCommentTree comment = environment.getDocTrees().getDocCommentTree(element);
        boolean hasSince = comment != null
                && comment.getBlockTags().stream().anyMatch(tag -> tag.getKind() == DocTree.Kind.SINCE);
        if (!hasSince) {
            String name = element instanceof TypeElement ? ((TypeElement) element).getQualifiedName().toString()
                    : element.getEnclosingElement() + "." + element;
            reporter.print(Diagnostic.Kind.ERROR, name + " has no Javadoc @since tag");
        }
        return hasSince;
    }

    private static boolean isApi(Element member) {
        boolean visible = member.getModifiers().contains(Modifier.PUBLIC)
                || member.getModifiers().contains(Modifier.PROTECTED)
                || member.getEnclosingElement().getKind().isInterface();
        return visible && !member.getModifiers().contains(Modifier.PRIVATE) && member.getKind() != ElementKind.STATIC_INIT
                && member.getKind() != ElementKind.INSTANCE_INIT;
    }

    /**
     * Members the compiler adds (an enum's values() and valueOf(), default constructors) and overrides of Object's
     * methods, which Object documents.
     */
    private static boolean isGenerated(DocletEnvironment environment, Element member) {
        if (environment.getElementUtils().getOrigin(member) != Elements.Origin.EXPLICIT) {
            return true;
        }
        String name = member.getSimpleName().toString();
        boolean enumMethod = member.getEnclosingElement().getKind() == ElementKind.ENUM
                && (name.equals("values") || name.equals("valueOf"));
        boolean objectMethod = name.equals("equals") || name.equals("hashCode") || name.equals("toString");
        return member.getKind() == ElementKind.METHOD && (enumMethod || objectMethod);
    }
}
