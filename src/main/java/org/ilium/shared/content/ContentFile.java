package org.ilium.shared.content;

/**
 * One content file, read.
 *
 * @param name how errors name it: {@code content/policies/nass-2015.yaml}, or its path in the site's directory
 * @param relativePath its path below the content root, the same for a built-in file and a site's copy
 * @param override true when it comes from the site's directory
 * @param text the file's text
 */
public record ContentFile(String name, String relativePath, boolean override, String text) {

    /** The file's YAML document; a syntax error fails with a {@link ContentException} naming the place. */
    public ContentNode parse() {
        return ContentNode.parse(name, text);
    }

    @Override
    public String toString() {
        return name;
    }
}
