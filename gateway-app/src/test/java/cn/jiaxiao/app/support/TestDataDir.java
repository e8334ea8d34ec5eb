package cn.jiaxiao.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh data directory for an application context: its own PostgreSQL cluster and Artemis journal. */
public final class TestDataDir {

    private TestDataDir() {
    }

    public static Path create(String name) {
        try {
            return Files.createTempDirectory("jiaxiao-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
