package org.ilium.shared.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLibraryTest {
    @TempDir
    Path temp;

    @Test
    void listsBuiltInFilesFromTheClassPath() {
        ContentLibrary library = ContentLibrary.of(null);
        assertThat(library.builtIn("policies")).extracting(ContentFile::name).contains("content/policies/nass-2015.yaml");
        assertThat(library.builtIn("no-such-folder")).isEmpty();
        assertThat(library.overrides("policies")).isEmpty();
    }

    @Test
    void addsAndPrefersTheSiteDirectory() throws IOException {
        Files.createDirectories(temp.resolve("policies"));
        Files.writeString(temp.resolve("policies/local.yaml"), "id: local\n");
        Files.writeString(temp.resolve("policies/notes.txt"), "not content");
        Files.writeString(temp.resolve("prognosis.yaml"), "id: site\n");
        ContentLibrary library = ContentLibrary.of(temp);
        assertThat(library.overrides("policies")).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo(temp.resolve("policies/local.yaml").toString());
            assertThat(f.relativePath()).isEqualTo("policies/local.yaml");
            assertThat(f.override()).isTrue();
            assertThat(f.parse().text("id")).isEqualTo("local");
        });
        assertThat(library.folder("policies")).last().extracting(ContentFile::override).isEqualTo(true);
        assertThat(library.file("prognosis.yaml").orElseThrow().override()).isTrue();
        assertThat(ContentLibrary.of(null).file("prognosis.yaml").orElseThrow().name()).isEqualTo("content/prognosis.yaml");
        assertThat(library.file("nothing.yaml")).isEmpty();
    }

    @Test
    void refusesAMissingSiteDirectory() {
        assertThatThrownBy(() -> ContentLibrary.of(temp.resolve("absent"))).isInstanceOf(ContentException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void listsFilesInsideAJar() throws IOException {
        Path jar = temp.resolve("content.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String dir : new String[] {"content/", "content/things/", "content/things/deeper/"}) {
                out.putNextEntry(new JarEntry(dir));
                out.closeEntry();
            }
            put(out, "content/things/b.yaml", "id: b\n");
            put(out, "content/things/a.yaml", "id: a\n");
            put(out, "content/things/readme.md", "#");
            put(out, "content/things/deeper/c.yaml", "id: c\n");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ContentLibrary library = ContentLibrary.of(null, loader);
            assertThat(library.builtIn("things")).extracting(ContentFile::name)
                    .containsExactly("content/things/a.yaml", "content/things/b.yaml");
            assertThat(library.builtIn("things").get(1).parse().text("id")).isEqualTo("b");
        }
    }

    private static void put(OutputStream out, String name, String text) throws IOException {
        JarOutputStream jar = (JarOutputStream) out;
        jar.putNextEntry(new JarEntry(name));
        jar.write(text.getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
    }
}
