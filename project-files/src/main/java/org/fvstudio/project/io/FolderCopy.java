package org.fvstudio.project.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Copies a folder with everything below it (bundle "Save As", installing the sample project). */
public final class FolderCopy {

    private FolderCopy() {
    }

    /**
     * Copies the contents of {@code from} into {@code to}, keeping file times, links copied as links (never
     * followed, so a Save As does not pull files from outside the bundle into the copy); {@code to} is created when
     * missing and stays empty when {@code from} is not a folder. A file already in {@code to} under a copied
     * name fails the copy (FileAlreadyExistsException), it is never overwritten.
     */
    public static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // A link is copied as the link: what it points to, maybe outside the bundle, is never read.
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
