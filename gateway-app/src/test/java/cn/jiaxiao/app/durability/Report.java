package cn.jiaxiao.app.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** What a durability test measured: printed, and appended to target/durability-report.txt. */
final class Report {

    private final String title;
    private final List<String> lines = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    void line(String format, Object... args) {
        String line = String.format(format, args);
        lines.add(line);
        System.out.println("[durability] " + line);
    }

    /** The IT classes run concurrently: one report at a time into the file. */
    void print() {
        StringBuilder text = new StringBuilder("== " + title + "\n");
        lines.forEach(l -> text.append("   ").append(l).append('\n'));
        System.out.print(text);
        synchronized (Report.class) {
            append(text);
        }
    }

    private static void append(CharSequence text) {
        try {
            Path file = Path.of("target", "durability-report.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("report not written: " + e);
        }
    }
}
