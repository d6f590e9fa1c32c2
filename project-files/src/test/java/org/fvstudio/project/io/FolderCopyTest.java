package org.fvstudio.project.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fvstudio.bench.RealData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 11: Save As copied what links in a bundle pointed to, so a link to a file outside the bundle
 * (here a stand-in for ~/.ssh/id_rsa) came out as a real file in the new bundle.
 */
class FolderCopyTest {

    @TempDir
    Path temp;

    @Test
    void linksAreCopiedAsLinksAndWhatTheyPointToIsNeverRead() throws Exception {
        Path secret = Files.writeString(temp.resolve("id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----");
        Path secrets = Files.createDirectories(temp.resolve("secrets"));
        Files.writeString(secrets.resolve("passwords.txt"), "hunter2");
        Path bundle = Files.createDirectories(temp.resolve("Walk.fvs").resolve("references"));
        byte[] photo = Files.readAllBytes(RealData.find(RealData.ASTRONAUT).orElseThrow());
        Files.write(bundle.resolve("astronaut.png"), photo);
        Files.createSymbolicLink(bundle.resolve("evil.png"), secret);
        Files.createSymbolicLink(bundle.resolve("more"), secrets);

        Path copy = temp.resolve("Copy.fvs");
        FolderCopy.copy(temp.resolve("Walk.fvs"), copy);

        Path references = copy.resolve("references");
        assertThat(Files.readAllBytes(references.resolve("astronaut.png"))).isEqualTo(photo);
        assertThat(references.resolve("evil.png")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(references.resolve("evil.png"))).isEqualTo(secret);
        assertThat(references.resolve("more")).isSymbolicLink();
        try (var everything = Files.walk(copy)) {
            assertThat(everything.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)))
                    .containsExactly(references.resolve("astronaut.png"));
        }
    }
}
