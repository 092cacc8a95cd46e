package org.ilium.shared.content;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where content files come from: the built-in ones under {@code content/} on the class path (in the jar),
 * and optionally a site's own directory with the same layout ({@code <dir>/policies/*.yaml},
 * {@code <dir>/prognosis.yaml}, ...). What a site file replaces is for each kind of content to decide
 * (policies: same id and version); this class only lists and reads.
 */
public final class ContentLibrary {
    /** The class-path folder of built-in content. */
    public static final String ROOT = "content";
    private static final String EXTENSION = ".yaml";

    private final ClassLoader loader;
    private final Path overrideDir;

    private ContentLibrary(ClassLoader loader, Path overrideDir) {
        this.loader = loader;
        this.overrideDir = overrideDir;
    }

    /** Built-in content plus, when {@code overrideDirOrNull} is given, the site's directory. */
    public static ContentLibrary of(Path overrideDirOrNull) {
        return of(overrideDirOrNull, ContentLibrary.class.getClassLoader());
    }

    public static ContentLibrary of(Path overrideDirOrNull, ClassLoader loader) {
        if (overrideDirOrNull != null && !Files.isDirectory(overrideDirOrNull)) {
            throw new ContentException(overrideDirOrNull.toString(), 0, 0, "", "is not a directory: the content override "
                    + "directory must exist and hold folders such as policies/");
        }
        return new ContentLibrary(loader, overrideDirOrNull);
    }

    /** The site's directory, or empty when only built-in content is used. */
    public Optional<Path> overrideDir() {
        return Optional.ofNullable(overrideDir);
    }

    /** The built-in files {@code content/<folder>/*.yaml}, by name. */
    public List<ContentFile> builtIn(String folder) {
        String dir = ROOT + "/" + folder;
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> urls = loader.getResources(dir);
            while (urls.hasMoreElements()) {
                list(urls.nextElement(), names);
            }
        } catch (IOException e) {
            throw new ContentException(dir, 0, 0, "", "cannot be listed: " + e.getMessage(), e);
        }
        List<ContentFile> files = new ArrayList<>();
        for (String name : names) {
            String resource = dir + "/" + name;
            files.add(new ContentFile(resource, folder + "/" + name, false, readResource(resource)));
        }
        return files;
    }

    /** The site's files {@code <dir>/<folder>/*.yaml}, by name; none without a directory. */
    public List<ContentFile> overrides(String folder) {
        if (overrideDir == null) {
            return List.of();
        }
        Path dir = overrideDir.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ContentFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(EXTENSION) && Files.isRegularFile(p)) {
                    files.add(new ContentFile(p.toString(), folder + "/" + name, true, readFile(p)));
                }
            }
        } catch (IOException e) {
            throw new ContentException(dir.toString(), 0, 0, "", "cannot be listed: " + e.getMessage(), e);
        }
        return files;
    }

    /** Built-in files of the folder followed by the site's. */
    public List<ContentFile> folder(String folder) {
        List<ContentFile> all = new ArrayList<>(builtIn(folder));
        all.addAll(overrides(folder));
        return all;
    }

    /**
     * One file by its path below the content root ({@code prognosis.yaml}): the site's copy when there is
     * one, else the built-in one; empty when neither exists.
     */
    public Optional<ContentFile> file(String relativePath) {
        if (overrideDir != null) {
            Path p = overrideDir.resolve(relativePath);
            if (Files.isRegularFile(p)) {
                return Optional.of(new ContentFile(p.toString(), relativePath, true, readFile(p)));
            }
        }
        String resource = ROOT + "/" + relativePath;
        if (loader.getResource(resource) == null) {
            return Optional.empty();
        }
        return Optional.of(new ContentFile(resource, relativePath, false, readResource(resource)));
    }

    /** Like {@link #file(String)}, failing when the file is in neither place. */
    public ContentFile requireFile(String relativePath) {
        return file(relativePath).orElseThrow(() -> new ContentException(ROOT + "/" + relativePath, 0, 0, "",
                "is missing from the application"));
    }

    private static void list(URL url, TreeSet<String> names) throws IOException {
        if ("file".equals(url.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> entries = Files.list(dir)) {
                entries.forEach(p -> {
                    String name = p.getFileName().toString();
                    if (name.endsWith(EXTENSION) && Files.isRegularFile(p)) {
                        names.add(name);
                    }
                });
            }
            return;
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection)) {
            throw new IOException("content at " + url + " is neither in a directory nor in a jar");
        }
        JarURLConnection jar = (JarURLConnection) connection;
        jar.setUseCaches(false);
        String prefix = jar.getEntryName() == null ? "" : jar.getEntryName();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        try (JarFile file = jar.getJarFile()) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(prefix) && name.endsWith(EXTENSION) && name.indexOf('/', prefix.length()) < 0) {
                    names.add(name.substring(prefix.length()));
                }
            }
        }
    }

    private String readResource(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ContentException(resource, 0, 0, "", "is missing from the application");
            }
            return decode(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new ContentException(resource, 0, 0, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String readFile(Path p) {
        try {
            return decode(p.toString(), Files.readAllBytes(p));
        } catch (IOException e) {
            throw new ContentException(p.toString(), 0, 0, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ContentException(name, 0, 0, "", "is not UTF-8 text");
        }
    }
}
