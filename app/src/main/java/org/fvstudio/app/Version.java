package org.fvstudio.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code version.properties} when it built the jar. */
public final class Version implements IVersionProvider {

    public static final String PRODUCT = "FV Studio";

    public static String number() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the application jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String full() {
        return PRODUCT + " " + number();
    }

    @Override
    public String[] getVersion() {
        return new String[] {full()};
    }
}
